package org.drivesync.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Records to look at again: the ones carrying review flags. */
public interface DataQualityDao {
  /** A flagged record without any person-level field: ids, drive, flags and times. */
  record FlaggedRecord(
      UUID id,
      UUID driveId,
      String driveName,
      String regionCode,
      String localAuthorityCode,
      List<String> flags,
      int version,
      Instant recordedAt,
      Instant receivedAt,
      Instant updatedAt) {}

  // Served by the partial index drive_records_flagged_idx: only flagged rows are read.
  @SqlQuery(
      """
      SELECT r.id, r.drive_id, d.name AS drive_name, r.region_code, r.local_authority_code,
             r.flags, r.version, r.recorded_at, r.received_at, r.updated_at
      FROM drive_records r JOIN drives d ON d.id = r.drive_id
      WHERE r.flags <> '{}' AND NOT r.deleted
        AND (:all OR r.region_code = ANY(:regions))
        AND (CAST(:flag AS text) IS NULL OR CAST(:flag AS text) = ANY(r.flags))
      ORDER BY r.updated_at DESC, r.id
      LIMIT :limit
      """)
  @RegisterConstructorMapper(FlaggedRecord.class)
  List<FlaggedRecord> flagged(
      @Bind("all") boolean all,
      @Bind("regions") String[] regions,
      @Bind("flag") String flag,
      @Bind("limit") int limit);
}
