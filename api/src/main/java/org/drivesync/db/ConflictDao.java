package org.drivesync.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The organisers' review queue of conflicting edits. */
@RegisterConstructorMapper(ConflictDao.ConflictRow.class)
public interface ConflictDao {
  /** A conflict: both values of each field, and how it was settled. */
  record ConflictRow(
      UUID id, UUID recordId, String regionCode, int version, String reason, String fields,
      UUID mutationId, UUID deviceId, UUID authorId, Instant createdAt, Instant resolvedAt,
      UUID resolvedBy, String resolution) {}

  String SELECT =
      """
      SELECT id, record_id, region_code, version, reason, fields::text AS fields, mutation_id,
             device_id, author_id, created_at, resolved_at, resolved_by, resolution::text AS resolution
      FROM record_conflicts
      """;

  @SqlQuery(
      SELECT
          + """
          WHERE (:all OR region_code = ANY(:regions))
            AND (CAST(:region AS text) IS NULL OR region_code = :region)
            AND (:includeResolved OR resolved_at IS NULL)
          ORDER BY created_at, id
          LIMIT :limit
          """)
  List<ConflictRow> list(
      @Bind("all") boolean all,
      @Bind("regions") String[] regions,
      @Bind("region") String region,
      @Bind("includeResolved") boolean includeResolved,
      @Bind("limit") int limit);

  @SqlQuery(SELECT + " WHERE id = :id FOR UPDATE")
  Optional<ConflictRow> findForUpdate(@Bind("id") UUID id);

  @SqlUpdate(
      """
      UPDATE record_conflicts
      SET resolved_at = now(), resolved_by = :by, resolution = CAST(:resolution AS jsonb)
      WHERE id = :id
      """)
  void resolve(@Bind("id") UUID id, @Bind("by") UUID by, @Bind("resolution") String resolution);

  // The conflict flag goes once nothing about the record is left to review; devices learn of it
  // through the feed, so the change position moves too.
  @SqlUpdate(
      """
      UPDATE drive_records
      SET flags = array_remove(flags, 'conflict'), updated_at = now(),
          change_xid = pg_current_xact_id()::text::bigint
      WHERE id = :recordId
        AND NOT EXISTS (SELECT 1 FROM record_conflicts c
                        WHERE c.record_id = :recordId AND c.resolved_at IS NULL)
      """)
  int clearFlagIfSettled(@Bind("recordId") UUID recordId);
}
