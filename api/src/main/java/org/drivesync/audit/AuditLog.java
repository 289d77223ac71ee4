package org.drivesync.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Appends to the hash-chained audit trail inside the caller's transaction, so an event exists
 * exactly when the change it records does.
 *
 * <p>Appends are serialised by a transaction-scoped advisory lock, held from the append to commit.
 * Call {@link #append} as the last statement of a transaction to keep that window short.
 */
public final class AuditLog {
  /** Arbitrary constant naming the audit chain's advisory lock. */
  static final long CHAIN_LOCK = 0x64735f6175646974L; // "ds_audit"

  private final ObjectMapper json = new ObjectMapper();

  public void append(
      Handle handle,
      Actor actor,
      String action,
      String entityType,
      Object entityId,
      Map<String, ?> details) {
    handle.execute("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
    byte[] previous =
        handle
            .createQuery("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1")
            .mapTo(byte[].class)
            .findOne()
            .orElse(AuditHashing.GENESIS);
    long seq = handle.createQuery("SELECT nextval('audit_events_seq')").mapTo(Long.class).one();
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
    byte[] hash = AuditHashing.hash(previous, event);
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

  private String toJson(Map<String, Object> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
