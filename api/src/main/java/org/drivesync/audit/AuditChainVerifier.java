package org.drivesync.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Walks the audit chain in order and reports the first position where it does not hold: a hash that
 * does not link or does not verify under the audit key, a gap in seq (a deleted row), an unkeyed
 * row after the chain became keyed, or a signed checkpoint the chain no longer matches (a replaced
 * row, or a truncated tail). See docs/security.md, "What the audit chain proves".
 */
public final class AuditChainVerifier {
  /**
   * The outcome: how many rows verified, where the chain first breaks (if it does), how many signed
   * checkpoints it was compared against, and the highest seq a checkpoint vouches for.
   */
  public record Result(
      boolean intact,
      long rowsChecked,
      Long firstBrokenSeq,
      String problem,
      long checkpointsChecked,
      Long anchoredToSeq) {
    static Result broken(long checked, Long seq, String problem, long checkpoints) {
      return new Result(false, checked, seq, problem, checkpoints, null);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final AuditKeys keys;
  private final Supplier<List<Checkpoint>> recorded;

  /** {@code recorded} supplies the checkpoints kept outside the database (the checkpoint file). */
  public AuditChainVerifier(Jdbi jdbi, AuditKeys keys, Supplier<List<Checkpoint>> recorded) {
    this.jdbi = jdbi;
    this.keys = keys;
    this.recorded = recorded;
  }

  public Result verify() {
    return verify(List.of(), count -> {});
  }

  /**
   * Verifies against the recorded checkpoints and {@code extra} ones (staff's exported copies),
   * calling {@code progress} with the number of rows checked every 10,000 rows.
   */
  public Result verify(List<Checkpoint> extra, LongConsumer progress) {
    List<Checkpoint> all = new ArrayList<>(recorded.get());
    all.addAll(extra);
    TreeMap<Long, List<Checkpoint>> bySeq = new TreeMap<>();
    for (Checkpoint checkpoint : all) {
      if (!checkpoint.signedBy(keys)) {
        return Result.broken(
            0,
            checkpoint.seq(),
            "checkpoint for seq "
                + checkpoint.seq()
                + " signed at "
                + checkpoint.signedAt()
                + " is not signed by the audit key",
            0);
      }
      bySeq.computeIfAbsent(checkpoint.seq(), k -> new ArrayList<>()).add(checkpoint);
    }
    long checkpointCount = all.size();
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
            long lastSeq = 0;
            boolean keyed = false;
            Long unsealedFrom = null;
            long checked = 0;
            Long anchored = bySeq.containsKey(0L) ? 0L : null;
            for (Row row : (Iterable<Row>) rows::iterator) {
              long seq = row.event.seq();
              boolean legacy = AuditHashing.isLegacy(row.hash);
              // Legacy rows may have gaps (the old sequence skipped on rollbacks); keyed ones may
              // not.
              if (!legacy && seq != lastSeq + 1) {
                return Result.broken(
                    checked,
                    lastSeq + 1,
                    seq > lastSeq + 1
                        ? "seq " + (lastSeq + 1) + " to " + (seq - 1) + " missing"
                        : "seq out of order",
                    checkpointCount);
              }
              if (!Arrays.equals(row.prevHash, previous)) {
                return Result.broken(checked, seq, "prev_hash does not link", checkpointCount);
              }
              if (legacy && keyed) {
                return Result.broken(
                    checked, seq, "unkeyed row after the chain became keyed", checkpointCount);
              }
              boolean holds =
                  legacy
                      ? Arrays.equals(AuditHashing.hash(previous, row.event), row.hash)
                      : AuditHashing.keyedHashMatches(keys, row.hash, previous, row.event);
              if (!holds) {
                return Result.broken(
                    checked,
                    seq,
                    legacy
                        ? "row content does not match hash"
                        : "row does not verify under the audit key",
                    checkpointCount);
              }
              for (Checkpoint checkpoint : bySeq.getOrDefault(seq, List.of())) {
                if (!Arrays.equals(checkpoint.hashBytes(), row.hash)) {
                  return Result.broken(
                      checked,
                      seq,
                      "row differs from the checkpoint signed at " + checkpoint.signedAt(),
                      checkpointCount);
                }
                anchored = seq;
              }
              keyed |= !legacy;
              if (legacy && unsealedFrom == null) {
                unsealedFrom = seq;
              } else if (!legacy) {
                unsealedFrom = null;
              }
              previous = row.hash;
              lastSeq = seq;
              checked++;
              if (checked % 10_000 == 0) {
                progress.accept(checked);
              }
            }
            if (unsealedFrom != null) {
              // Anyone can compute the unkeyed rule: such rows count only once a keyed row, whose
              // MAC covers their head, follows them. The service writes one at every start.
              return Result.broken(
                  checked,
                  unsealedFrom,
                  "unkeyed rows from seq "
                      + unsealedFrom
                      + " are not sealed by a keyed row (start the service once to seal a legacy chain)",
                  checkpointCount);
            }
            Map.Entry<Long, List<Checkpoint>> beyond = bySeq.higherEntry(lastSeq);
            if (beyond != null) {
              Checkpoint last = bySeq.lastEntry().getValue().get(0);
              return Result.broken(
                  checked,
                  lastSeq + 1,
                  "chain ends at seq "
                      + lastSeq
                      + " but the checkpoint signed at "
                      + last.signedAt()
                      + " covers seq "
                      + last.seq()
                      + ": rows from seq "
                      + (lastSeq + 1)
                      + " are missing",
                  checkpointCount);
            }
            return new Result(true, checked, null, null, checkpointCount, anchored);
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
