package org.drivesync.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/** Walks the audit chain in order and reports the first row whose hash does not hold. */
public final class AuditChainVerifier {
  /** The outcome: how many rows verified, and where the chain first breaks (if it does). */
  public record Result(boolean intact, long rowsChecked, Long firstBrokenSeq, String problem) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;

  public AuditChainVerifier(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Result verify() {
    return verify(count -> {});
  }

  /** Verifies, calling {@code progress} with the number of rows checked every 10,000 rows. */
  public Result verify(LongConsumer progress) {
    return jdbi.withHandle(
        handle -> {
          handle.begin();
          try (Stream<Row> rows =
              handle
                  .createQuery(
                      """
                      SELECT seq, occurred_at, actor_user_id, actor_device_id, action,
                             entity_type, entity_id, request_id, details::text AS details,
                             prev_hash, hash
                      FROM audit_events ORDER BY seq
                      """)
                  .setFetchSize(1000)
                  .map((rs, ctx) -> Row.from(rs))
                  .stream()) {
            byte[] previous = AuditHashing.GENESIS;
            long checked = 0;
            for (Row row : (Iterable<Row>) rows::iterator) {
              if (!Arrays.equals(row.prevHash, previous)) {
                return new Result(false, checked, row.event.seq(), "prev_hash does not link");
              }
              if (!Arrays.equals(AuditHashing.hash(previous, row.event), row.hash)) {
                return new Result(false, checked, row.event.seq(), "row content does not match hash");
              }
              previous = row.hash;
              checked++;
              if (checked % 10_000 == 0) {
                progress.accept(checked);
              }
            }
            return new Result(true, checked, null, null);
          } finally {
            handle.rollback();
          }
        });
  }

  private record Row(AuditEvent event, byte[] prevHash, byte[] hash) {
    static Row from(ResultSet rs) throws SQLException {
      Instant occurredAt = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
      AuditEvent event =
          new AuditEvent(
              rs.getLong("seq"),
              occurredAt,
              rs.getObject("actor_user_id", UUID.class),
              rs.getObject("actor_device_id", UUID.class),
              rs.getString("action"),
              rs.getString("entity_type"),
              rs.getString("entity_id"),
              rs.getString("request_id"),
              parse(rs.getString("details")));
      return new Row(event, rs.getBytes("prev_hash"), rs.getBytes("hash"));
    }

    private static Map<String, Object> parse(String json) {
      try {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
