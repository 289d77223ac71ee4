package org.drivesync.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.db.AuditDao;
import org.drivesync.json.JsonMappers;
import org.jdbi.v3.core.Jdbi;

/** The audit trail as staff read it: pages of events, and checkpoints taken on request. */
public final class AuditTrail {
  /** One event. */
  public record Event(
      long seq,
      Instant occurredAt,
      UUID actorUserId,
      UUID actorDeviceId,
      String action,
      String entityType,
      String entityId,
      String requestId,
      JsonNode details,
      String actorName,
      String actorDeviceName,
      String entityName) {}

  /** A page of events; pass {@code next} as {@code after} for the following page. */
  public record Page(List<Event> events, Long next) {}

  private static final ObjectMapper JSON = JsonMappers.strict();

  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final AuditCheckpoints checkpoints;

  public AuditTrail(Jdbi jdbi, AuditLog auditLog, AuditCheckpoints checkpoints) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.checkpoints = checkpoints;
  }

  /** Events after {@code after}, oldest first, filtered; null filters match everything. */
  public Page page(
      long after,
      UUID actor,
      String action,
      String entityType,
      String entityId,
      Instant from,
      Instant to,
      int limit) {
    List<Event> events =
        jdbi
            .onDemand(AuditDao.class)
            .page(after, actor, action, entityType, entityId, from, to, limit)
            .stream()
            .map(AuditTrail::toEvent)
            .toList();
    Long next = events.size() == limit ? events.get(events.size() - 1).seq() : null;
    return new Page(events, next);
  }

  /** Signs the chain's head now, after auditing the request, so the checkpoint covers it. */
  public Checkpoint checkpoint(Caller caller) {
    jdbi.useTransaction(
        handle ->
            auditLog.append(handle, Actor.of(caller), "audit.checkpoint", "audit", null, Map.of()));
    return checkpoints.take();
  }

  private static Event toEvent(AuditDao.AuditRow row) {
    try {
      return new Event(
          row.seq(),
          row.occurredAt(),
          row.actorUserId(),
          row.actorDeviceId(),
          row.action(),
          row.entityType(),
          row.entityId(),
          row.requestId(),
          JSON.readTree(row.details()),
          row.actorName(),
          row.actorDeviceName(),
          row.entityName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
