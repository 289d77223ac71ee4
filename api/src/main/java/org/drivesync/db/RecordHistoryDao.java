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
  record Current(UUID id, UUID driveId, String driveName, String regionCode,
      String localAuthorityCode, UUID recordedBy, UUID deviceId, int version, boolean deleted,
      List<String> flags, Instant receivedAt, Instant updatedAt, Instant deletedAt) {}

  /** One stored version, with its author's role. */
  record VersionRow(int version, String mergeStatus, UUID authorId, String authorRole,
      UUID deviceId, UUID mutationId, Integer baseVersion, Instant receivedAt, boolean deleted,
      String fields) {}

  /** One conflict and what was decided about it, if anything yet. */
  record ConflictRow(UUID id, int version, String reason, String fields, UUID mutationId,
      UUID deviceId, UUID authorId, Instant createdAt, Instant resolvedAt, UUID resolvedBy,
      String resolution) {}

  @SqlQuery(
      """
      SELECT r.id, r.drive_id, d.name AS drive_name, r.region_code, r.local_authority_code,
             r.recorded_by, r.device_id, r.version, r.deleted, r.flags, r.received_at,
             r.updated_at, r.deleted_at
      FROM drive_records r JOIN drives d ON d.id = r.drive_id
      WHERE r.id = :id
      """)
  @RegisterConstructorMapper(Current.class)
  Optional<Current> find(@Bind("id") UUID id);

  @SqlQuery(
      """
      SELECT v.version, v.merge_status, v.author_id, u.role AS author_role, v.device_id,
             v.mutation_id, v.base_version, v.received_at, v.deleted, v.fields::text AS fields
      FROM drive_record_versions v JOIN users u ON u.id = v.author_id
      WHERE v.record_id = :id
      ORDER BY v.version
      """)
  @RegisterConstructorMapper(VersionRow.class)
  List<VersionRow> versions(@Bind("id") UUID id);

  @SqlQuery(
      """
      SELECT id, version, reason, fields::text AS fields, mutation_id, device_id, author_id,
             created_at, resolved_at, resolved_by, resolution::text AS resolution
      FROM record_conflicts
      WHERE record_id = :id
      ORDER BY created_at, id
      """)
  @RegisterConstructorMapper(ConflictRow.class)
  List<ConflictRow> conflicts(@Bind("id") UUID id);
}
