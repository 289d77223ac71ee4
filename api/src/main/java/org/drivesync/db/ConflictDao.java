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
      UUID id,
      UUID recordId,
      String regionCode,
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
      String deviceName,
      String resolvedByName,
      UUID driveId,
      String driveName) {}

  // Names for the reviewer: people and phones by join; the drive through drive_records, so it
  // is subject to the transaction's row scope like any record read (LEFT JOIN: the conflict still
  // shows without it).
  String SELECT =
      """
      SELECT c.id, c.record_id, c.region_code, c.version, c.reason, c.fields::text AS fields,
             c.mutation_id, c.device_id, c.author_id, c.created_at, c.resolved_at, c.resolved_by,
             c.resolution::text AS resolution, author.name AS author_name,
             device.name AS device_name, resolver.name AS resolved_by_name,
             r.drive_id, d.name AS drive_name
      FROM record_conflicts c
      JOIN users author ON author.id = c.author_id
      LEFT JOIN devices device ON device.id = c.device_id
      LEFT JOIN users resolver ON resolver.id = c.resolved_by
      LEFT JOIN drive_records r ON r.id = c.record_id
      LEFT JOIN drives d ON d.id = r.drive_id
      """;

  @SqlQuery(
      SELECT
          + """
          WHERE (:all OR c.region_code = ANY(:regions))
            AND (CAST(:region AS text) IS NULL OR c.region_code = :region)
            AND (:includeResolved OR c.resolved_at IS NULL)
          ORDER BY c.created_at, c.id
          LIMIT :limit
          """)
  List<ConflictRow> list(
      @Bind("all") boolean all,
      @Bind("regions") String[] regions,
      @Bind("region") String region,
      @Bind("includeResolved") boolean includeResolved,
      @Bind("limit") int limit);

  @SqlQuery(SELECT + " WHERE c.id = :id FOR UPDATE OF c")
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
