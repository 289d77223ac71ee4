package db.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the 2026 council list shipped in {@code reference/local-authorities-2026.tsv}.
 *
 * <p>A Java migration so the TSV stays the single, diffable source; a later reorganisation of
 * councils ships a new TSV and a new migration rather than editing this one.
 */
public class V2026_11_28_3__Load_local_authorities extends BaseJavaMigration {
  static final String RESOURCE = "/reference/local-authorities-2026.tsv";

  @Override
  public void migrate(Context context) throws Exception {
    List<String[]> rows = readRows();
    Connection connection = context.getConnection();
    try (PreparedStatement region =
            connection.prepareStatement(
                "INSERT INTO regions (code, name) VALUES (?, ?) ON CONFLICT (code) DO NOTHING");
        PreparedStatement council =
            connection.prepareStatement(
                """
                INSERT INTO local_authorities
                  (code, name, type, county, region_code, mayoral_authority)
                VALUES (?, ?, ?, ?, ?, ?)
                """)) {
      for (String[] row : rows) {
        region.setString(1, row[4]);
        region.setString(2, row[5]);
        region.executeUpdate();
        council.setString(1, row[0]);
        council.setString(2, row[1]);
        council.setString(3, row[2]);
        council.setString(4, emptyToNull(row[3]));
        council.setString(5, row[4]);
        council.setString(6, emptyToNull(row[6]));
        council.addBatch();
      }
      council.executeBatch();
    }
  }

  static List<String[]> readRows() throws IOException {
    try (InputStream in =
        V2026_11_28_3__Load_local_authorities.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing reference data " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      String header = reader.readLine();
      if (header == null || !header.startsWith("la_code\tla_name")) {
        throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
      }
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          String[] cells = line.split("\t", -1);
          if (cells.length != 7) {
            throw new IllegalStateException("expected 7 columns in " + RESOURCE + ": " + line);
          }
          rows.add(cells);
        }
      }
      return rows;
    }
  }

  private static String emptyToNull(String value) {
    return value.isBlank() ? null : value.strip();
  }
}
