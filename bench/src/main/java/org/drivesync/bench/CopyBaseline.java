package org.drivesync.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The physical limit to compare ingest with: PostgreSQL's own {@code COPY} of the very rows a
 * scenario stored, into a scratch table made {@code LIKE drive_records INCLUDING ALL} (so the same
 * indexes, defaults and checks are maintained), on the same server in the same run. The rows are
 * read out once with {@code COPY … TO STDOUT}, then copied in {@code repeats} times, each into a
 * fresh scratch table in its own transaction (autocommit, so the commit's WAL flush counts), and
 * the scratch table is dropped afterwards.
 */
public final class CopyBaseline {
  /** Rows copied and each repeat's rows per second. */
  public record Result(long rows, List<Double> rowsPerSecond) {
    public double median() {
      List<Double> sorted = rowsPerSecond.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  private CopyBaseline() {}

  /** Copies the drive records created by {@code deviceIds}; needs a role that may create tables. */
  public static Result measure(String jdbcUrl, Collection<UUID> deviceIds, int repeats)
      throws SQLException, IOException {
    String ids =
        deviceIds.stream()
            .map(id -> "'" + UUID.fromString(id.toString()) + "'")
            .collect(Collectors.joining(","));
    try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
      connection.setAutoCommit(true);
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      ByteArrayOutputStream rows = new ByteArrayOutputStream();
      long count =
          copy.copyOut(
              "COPY (SELECT * FROM drive_records WHERE device_id IN (" + ids + ")) TO STDOUT",
              rows);
      byte[] data = rows.toByteArray();
      List<Double> rates = new ArrayList<>();
      for (int i = 0; i < repeats; i++) {
        String table = "bench_copy_scratch_" + UUID.randomUUID().toString().substring(0, 8);
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE TABLE " + table + " (LIKE drive_records INCLUDING ALL)");
          try {
            long start = System.nanoTime();
            long copied =
                copy.copyIn("COPY " + table + " FROM STDIN", new ByteArrayInputStream(data));
            rates.add(copied / ((System.nanoTime() - start) / 1e9));
          } finally {
            statement.execute("DROP TABLE " + table);
          }
        }
      }
      return new Result(count, rates);
    }
  }

  /** Rows in drive_records now, over the same connection URL. */
  public static long recordCount(String jdbcUrl) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement();
        var result = statement.executeQuery("SELECT count(*) FROM drive_records")) {
      result.next();
      return result.getLong(1);
    }
  }
}
