package org.drivesync.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The drive records behind a person's follow-ups, for a subject access request. */
public interface SubjectAccessDao {
  /** A drive record with its drive's name. */
  record ConversationRow(
      UUID id,
      String driveName,
      String localAuthorityCode,
      String regionCode,
      LocalDate driveStartsOn,
      Instant recordedAt,
      String outcome,
      String guidance,
      String ageBand,
      Boolean firstTimeRegistrant,
      String language,
      boolean deleted) {}

  /** One version of a record. */
  record VersionRow(
      UUID recordId, int version, Instant receivedAt, boolean deleted, String fields) {}

  @SqlQuery(
      """
      SELECT r.id, d.name AS drive_name, r.local_authority_code, r.region_code,
             d.starts_on AS drive_starts_on, r.recorded_at, r.outcome, r.guidance::text AS guidance,
             r.age_band, r.first_time_registrant, r.language, r.deleted
      FROM drive_records r JOIN drives d ON d.id = r.drive_id
      WHERE r.id = ANY(:ids)
      """)
  @RegisterConstructorMapper(ConversationRow.class)
  List<ConversationRow> conversations(@Bind("ids") UUID[] ids);

  @SqlQuery(
      """
      SELECT record_id, version, received_at, deleted, fields::text AS fields
      FROM drive_record_versions WHERE record_id = ANY(:ids) ORDER BY record_id, version
      """)
  @RegisterConstructorMapper(VersionRow.class)
  List<VersionRow> versions(@Bind("ids") UUID[] ids);
}
