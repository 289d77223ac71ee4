package org.drivesync.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Everything kept about one record: the row, every version, and every conflict. */
public interface RecordHistoryDao {
  /** The record as it stands. */
  record Current(
      UUID id,
      UUID driveId,
      String driveName,
      String regionCode,
      String localAuthorityCode,
      UUID recordedBy,
      UUID deviceId,
      int version,
      boolean deleted,
      List<String> flags,
      Instant receivedAt,
      Instant updatedAt,
      Instant deletedAt,
      String recordedByName,
      String localAuthorityName) {}

  /** One stored version, with its author's role. */
  record VersionRow(
      int version,
      String mergeStatus,
      UUID authorId,
      String authorRole,
      UUID deviceId,
      UUID mutationId,
      Integer baseVersion,
      Instant receivedAt,
      boolean deleted,
      String fields,
      String authorName,
      String deviceName) {}

  /** One conflict and what was decided about it, if anything yet. */
  record ConflictRow(
      UUID id,
      int version,
      String reason,
      String fields,
      UUID mutationId,
      UUID deviceId,
      UUID authorId,
      Instant createdAt,
      Instant resolvedAt,
      UUID resolvedBy,
      String resolution,
      String authorName,
      String resolvedByName) {}

  @SqlQuery(
      """
      SELECT r.id, r.drive_id, d.name AS drive_name, r.region_code, r.local_authority_code,
             r.recorded_by, r.device_id, r.version, r.deleted, r.flags, r.received_at,
             r.updated_at, r.deleted_at, u.name AS recorded_by_name,
             la.name AS local_authority_name
      FROM drive_records r JOIN drives d ON d.id = r.drive_id
      JOIN users u ON u.id = r.recorded_by
      LEFT JOIN local_authorities la ON la.code = r.local_authority_code
      WHERE r.id = :id
      """)
  @RegisterConstructorMapper(Current.class)
  Optional<Current> find(@Bind("id") UUID id);

  @SqlQuery(
      """
      SELECT v.version, v.merge_status, v.author_id, u.role AS author_role, v.device_id,
             v.mutation_id, v.base_version, v.received_at, v.deleted, v.fields::text AS fields,
             u.name AS author_name, dv.name AS device_name
      FROM drive_record_versions v JOIN users u ON u.id = v.author_id
      LEFT JOIN devices dv ON dv.id = v.device_id
      WHERE v.record_id = :id
      ORDER BY v.version
      """)
  @RegisterConstructorMapper(VersionRow.class)
  List<VersionRow> versions(@Bind("id") UUID id);

  @SqlQuery(
      """
      SELECT c.id, c.version, c.reason, c.fields::text AS fields, c.mutation_id, c.device_id,
             c.author_id, c.created_at, c.resolved_at, c.resolved_by,
             c.resolution::text AS resolution, a.name AS author_name,
             r.name AS resolved_by_name
      FROM record_conflicts c
      JOIN users a ON a.id = c.author_id
      LEFT JOIN users r ON r.id = c.resolved_by
      WHERE c.record_id = :id
      ORDER BY c.created_at, c.id
      """)
  @RegisterConstructorMapper(ConflictRow.class)
  List<ConflictRow> conflicts(@Bind("id") UUID id);
}
