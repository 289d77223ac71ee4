package org.drivesync.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads the audit trail for staff. Writing is {@code AuditLog}'s alone. */
public interface AuditDao {
  /** An audit row as staff see it. */
  record AuditRow(
      long seq,
      Instant occurredAt,
      UUID actorUserId,
      UUID actorDeviceId,
      String action,
      String entityType,
      String entityId,
      String requestId,
      String details) {}

  @SqlQuery(
      """
      SELECT seq, occurred_at, actor_user_id, actor_device_id, action, entity_type, entity_id,
             request_id, details::text AS details
      FROM audit_events
      WHERE seq > :after
        AND (CAST(:actor AS uuid) IS NULL OR actor_user_id = :actor)
        AND (CAST(:action AS text) IS NULL OR action = :action)
        AND (CAST(:entityType AS text) IS NULL OR entity_type = :entityType)
        AND (CAST(:entityId AS text) IS NULL OR entity_id = :entityId)
        AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
        AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
      ORDER BY seq
      LIMIT :limit
      """)
  @RegisterConstructorMapper(AuditRow.class)
  List<AuditRow> page(
      @Bind("after") long after,
      @Bind("actor") UUID actor,
      @Bind("action") String action,
      @Bind("entityType") String entityType,
      @Bind("entityId") String entityId,
      @Bind("from") Instant from,
      @Bind("to") Instant to,
      @Bind("limit") int limit);
}
