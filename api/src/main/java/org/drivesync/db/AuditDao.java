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
      String details,
      String actorName,
      String actorDeviceName,
      String entityName) {}

  @SqlQuery(
      """
      SELECT e.seq, e.occurred_at, e.actor_user_id, e.actor_device_id, e.action, e.entity_type,
             e.entity_id, e.request_id, e.details::text AS details, u.name AS actor_name,
             d.name AS actor_device_name,
             coalesce(eu.name, ed.name, edv.name) AS entity_name
      FROM audit_events e
      LEFT JOIN users u ON u.id = e.actor_user_id
      LEFT JOIN devices d ON d.id = e.actor_device_id
      -- What the event is about, by name, for the three kinds of entity that have one.
      LEFT JOIN users eu ON e.entity_type = 'user' AND eu.id::text = e.entity_id
      LEFT JOIN drives ed ON e.entity_type = 'drive' AND ed.id::text = e.entity_id
      LEFT JOIN devices edv ON e.entity_type = 'device' AND edv.id::text = e.entity_id
      WHERE e.seq > :after
        AND (CAST(:actor AS uuid) IS NULL OR e.actor_user_id = :actor)
        AND (CAST(:action AS text) IS NULL OR e.action = :action)
        AND (CAST(:entityType AS text) IS NULL OR e.entity_type = :entityType)
        AND (CAST(:entityId AS text) IS NULL OR e.entity_id = :entityId)
        AND (CAST(:from AS timestamptz) IS NULL OR e.occurred_at >= :from)
        AND (CAST(:to AS timestamptz) IS NULL OR e.occurred_at < :to)
      ORDER BY e.seq
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
