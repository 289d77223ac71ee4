package org.drivesync.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.drivesync.records.StoredRecord;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Drive records, their versions, the mutation ledger, conflicts and quarantine. */
@RegisterRowMapper(StoredRecordMapper.class)
public interface RecordDao {
  String RECORD_COLUMNS =
      """
      id, drive_id, region_code, local_authority_code, recorded_by, device_id, version,
      recorded_at, outcome, guidance::text AS guidance, age_band, first_time_registrant, language,
      deleted, flags, received_at, updated_at
      """;

  /** A stored version's fields. */
  record VersionRow(UUID recordId, int version, String fields, boolean deleted) {}

  /** A ledger entry: what a mutation id was first answered. */
  record LedgerRow(UUID mutationId, String fingerprint, String result) {}

  /** A drive as a push needs it, with whether the pushing participant is assigned. */
  record DriveScope(
      UUID id, String regionCode, String localAuthorityCode, java.time.LocalDate startsOn,
      String status, boolean assigned) {}

  /** A new version row. */
  record NewVersion(
      UUID recordId, int version, String fields, boolean deleted, UUID authorId, UUID deviceId,
      UUID mutationId, Integer baseVersion, String mergeStatus) {}

  /** A new ledger row. */
  record NewLedgerEntry(
      UUID mutationId, UUID deviceId, Long deviceSeq, UUID recordId, String fingerprint,
      String result) {}

  /** A new conflict row. */
  record NewConflict(
      UUID recordId, String regionCode, int version, String reason, String fields,
      UUID mutationId, UUID deviceId, UUID authorId) {}

  /** The columns of an upserted record. */
  record RecordWrite(
      UUID id, UUID driveId, String regionCode, String localAuthorityCode, UUID recordedBy,
      UUID deviceId, int version, Instant recordedAt, String outcome, String guidance,
      String ageBand, Boolean firstTimeRegistrant, String language, boolean deleted,
      String[] flags) {}

  // Records and mutation ids are locked through transaction-scoped advisory locks taken in one
  // sorted order, so concurrent pushes serialise per record without deadlocks, and a record that
  // does not exist yet is locked as firmly as one that does. PostgreSQL evaluates the select list
  // after ORDER BY, so the locks are taken in key order.
  @SqlQuery("SELECT pg_advisory_xact_lock(k) FROM unnest(:keys) AS k ORDER BY k")
  List<String> lockInOrder(@Bind("keys") long[] keys);

  @SqlQuery("SELECT " + RECORD_COLUMNS + " FROM drive_records WHERE id = ANY(:ids)")
  List<StoredRecord> findAll(@Bind("ids") UUID[] ids);

  @SqlQuery("SELECT " + RECORD_COLUMNS + " FROM drive_records WHERE id = :id")
  Optional<StoredRecord> find(@Bind("id") UUID id);

  @SqlQuery(
      """
      SELECT v.record_id, v.version, v.fields::text AS fields, v.deleted
      FROM drive_record_versions v
      JOIN unnest(:ids, :versions) AS wanted(record_id, version)
        ON wanted.record_id = v.record_id AND wanted.version = v.version
      """)
  @RegisterConstructorMapper(VersionRow.class)
  List<VersionRow> findVersions(@Bind("ids") UUID[] ids, @Bind("versions") int[] versions);

  /**
   * Where a record stands in the pull feed (the transaction of its last change) and which mutation
   * wrote its current version, from which device and on which base.
   */
  record Provenance(
      UUID recordId, long changeXid, UUID mutationId, UUID deviceId, Integer baseVersion) {}

  @SqlQuery(
      """
      SELECT r.id AS record_id, r.change_xid, v.mutation_id, v.device_id, v.base_version
      FROM drive_records r
      LEFT JOIN drive_record_versions v ON v.record_id = r.id AND v.version = r.version
      WHERE r.id = ANY(:ids)
      """)
  @RegisterConstructorMapper(Provenance.class)
  List<Provenance> findProvenance(@Bind("ids") UUID[] ids);

  @SqlQuery(
      "SELECT mutation_id, fingerprint, result::text AS result FROM sync_mutations"
          + " WHERE mutation_id = ANY(:ids)")
  @RegisterConstructorMapper(LedgerRow.class)
  List<LedgerRow> findLedger(@Bind("ids") UUID[] ids);

  @SqlQuery(
      """
      SELECT d.id, d.region_code, d.local_authority_code, d.starts_on, d.status,
             coalesce(a.active, false) AS assigned
      FROM drives d
      LEFT JOIN drive_assignments a ON a.drive_id = d.id AND a.participant_id = :participant
      WHERE d.id = ANY(:ids)
      """)
  @RegisterConstructorMapper(DriveScope.class)
  List<DriveScope> findDrives(@Bind("ids") UUID[] ids, @Bind("participant") UUID participant);

  @SqlBatch(
      """
      INSERT INTO drive_records (id, drive_id, region_code, local_authority_code, recorded_by,
                                 device_id, version, recorded_at, outcome, guidance, age_band,
                                 first_time_registrant, language, deleted, flags, deleted_at)
      VALUES (:id, :driveId, :regionCode, :localAuthorityCode, :recordedBy, :deviceId, :version,
              :recordedAt, :outcome, CAST(:guidance AS jsonb), :ageBand, :firstTimeRegistrant,
              :language, :deleted, :flags, CASE WHEN :deleted THEN now() END)
      ON CONFLICT (id) DO UPDATE SET
        drive_id = EXCLUDED.drive_id,
        region_code = EXCLUDED.region_code,
        local_authority_code = EXCLUDED.local_authority_code,
        version = EXCLUDED.version,
        recorded_at = EXCLUDED.recorded_at,
        outcome = EXCLUDED.outcome,
        guidance = EXCLUDED.guidance,
        age_band = EXCLUDED.age_band,
        first_time_registrant = EXCLUDED.first_time_registrant,
        language = EXCLUDED.language,
        deleted = EXCLUDED.deleted,
        flags = EXCLUDED.flags,
        deleted_at = CASE WHEN EXCLUDED.deleted THEN coalesce(drive_records.deleted_at, now()) END,
        updated_at = now(),
        change_xid = pg_current_xact_id()::text::bigint
      """)
  void upsert(@BindMethods Iterable<RecordWrite> records);

  @SqlBatch(
      """
      INSERT INTO drive_record_versions (record_id, version, fields, deleted, author_id, device_id,
                                         mutation_id, base_version, merge_status)
      VALUES (:recordId, :version, CAST(:fields AS jsonb), :deleted, :authorId, :deviceId,
              :mutationId, :baseVersion, :mergeStatus)
      """)
  void insertVersions(@BindMethods Iterable<NewVersion> versions);

  @SqlBatch(
      """
      INSERT INTO sync_mutations (mutation_id, device_id, device_seq, record_id, fingerprint, result)
      VALUES (:mutationId, :deviceId, :deviceSeq, :recordId, :fingerprint, CAST(:result AS jsonb))
      """)
  void insertLedger(@BindMethods Iterable<NewLedgerEntry> entries);

  @SqlBatch(
      """
      INSERT INTO record_conflicts (record_id, region_code, version, reason, fields, mutation_id,
                                    device_id, author_id)
      VALUES (:recordId, :regionCode, :version, :reason, CAST(:fields AS jsonb), :mutationId,
              :deviceId, :authorId)
      """)
  void insertConflicts(@BindMethods Iterable<NewConflict> conflicts);

  @SqlUpdate(
      """
      INSERT INTO quarantined_mutations (device_id, user_id, mutation_id, record_id, error_code,
                                         error_message, payload)
      VALUES (:deviceId, :userId, :mutationId, :recordId, :code, :message, CAST(:payload AS jsonb))
      """)
  void quarantine(
      @Bind("deviceId") UUID deviceId,
      @Bind("userId") UUID userId,
      @Bind("mutationId") String mutationId,
      @Bind("recordId") String recordId,
      @Bind("code") String code,
      @Bind("message") String message,
      @Bind("payload") String payload);

  @SqlUpdate(
      """
      UPDATE devices SET last_push_at = now(), last_seen_at = now(),
                         clock_offset_ms = coalesce(:clockOffsetMs, clock_offset_ms),
                         last_error = :lastError
      WHERE id = :id
      """)
  void recordPush(
      @Bind("id") UUID deviceId,
      @Bind("clockOffsetMs") Long clockOffsetMs,
      @Bind("lastError") String lastError);
}
