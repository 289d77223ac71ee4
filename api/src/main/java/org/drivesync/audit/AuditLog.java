package org.drivesync.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Appends to the keyed, hash-chained audit trail inside the caller's transaction, so an event
 * exists exactly when the change it records does. Each row's hash is an HMAC under the audit key
 * (kept outside the database), and its seq is exactly one more than the head's: a rolled-back
 * append leaves no gap, so any gap the verifier finds is a deletion.
 *
 * <p>Appends are serialised by a transaction-scoped advisory lock, held from the append to commit.
 * Call {@link #append} as the last statement of a transaction to keep that window short.
 */
public final class AuditLog {
  /** Arbitrary constant naming the audit chain's advisory lock. */
  static final long CHAIN_LOCK = 0x64735f6175646974L; // "ds_audit"

  private final ObjectMapper json = new ObjectMapper();
  private final AuditKeys keys;

  public AuditLog(AuditKeys keys) {
    this.keys = keys;
  }

  /** For commands: the audit keys the configuration names (generated for the embedded default). */
  public static AuditLog configured(
      org.drivesync.config.AuditConfig audit, org.drivesync.config.DatabaseConfig database) {
    return new AuditLog(AuditKeys.load(audit, database));
  }

  public void append(
      Handle handle,
      Actor actor,
      String action,
      String entityType,
      Object entityId,
      Map<String, ?> details) {
    handle.execute("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
    Head head = head(handle);
    byte[] previous = head == null ? AuditHashing.GENESIS : head.hash();
    long seq = head == null ? 1 : head.seq() + 1;
    AuditEvent event =
        new AuditEvent(
            seq,
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            actor.userId(),
            actor.deviceId(),
            action,
            entityType,
            entityId == null ? null : entityId.toString(),
            actor.requestId(),
            AuditHashing.normalise(details));
    byte[] hash = AuditHashing.keyedHash(keys, previous, event);
    handle
        .createUpdate(
            """
            INSERT INTO audit_events (seq, occurred_at, actor_user_id, actor_device_id, action,
                                      entity_type, entity_id, request_id, details, prev_hash, hash)
            VALUES (:seq, :occurredAt, CAST(:actorUserId AS uuid), CAST(:actorDeviceId AS uuid), :action,
                    :entityType, :entityId, :requestId, CAST(:details AS jsonb), :prevHash, :hash)
            """)
        .bind("seq", seq)
        .bind("occurredAt", event.occurredAt())
        .bind("actorUserId", event.actorUserId())
        .bind("actorDeviceId", event.actorDeviceId())
        .bind("action", action)
        .bind("entityType", entityType)
        .bind("entityId", event.entityId())
        .bind("requestId", event.requestId())
        .bind("details", toJson(event.details()))
        .bind("prevHash", previous)
        .bind("hash", hash)
        .execute();
  }

  /**
   * If the newest row is a legacy (unkeyed) one, appends {@code audit.chain_keyed}: its MAC covers
   * the legacy head's hash, which seals every legacy row against later rewriting. Called at start.
   */
  public void sealLegacyChain(org.jdbi.v3.core.Jdbi jdbi) {
    jdbi.useTransaction(
        handle -> {
          handle.execute("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
          Head head = head(handle);
          if (head != null && AuditHashing.isLegacy(head.hash())) {
            append(
                handle,
                Actor.system(),
                "audit.chain_keyed",
                "audit",
                null,
                Map.of("legacyHeadSeq", head.seq()));
          }
        });
  }

  /** The newest row's seq and hash. */
  public record Head(long seq, byte[] hash) {}

  static Head head(Handle handle) {
    return handle
        .createQuery("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getBytes("hash")))
        .findOne()
        .orElse(null);
  }

  private String toJson(Map<String, Object> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
