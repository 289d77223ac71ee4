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

  /** A ledger entry: what a mutation id was first answered, as JSON text. */
  record LedgerRow(UUID mutationId, String fingerprint, String result) {}

  /**
   * A drive as a push needs it, with the pushing participant's standing: whether they are assigned
   * and work in its region, and when either ended if it did (see LateArrival).
   */
  record DriveScope(
      UUID id,
      String regionCode,
      String localAuthorityCode,
      java.time.LocalDate startsOn,
      java.time.LocalDate endsOn,
      String status,
      Instant closedAt,
      boolean assigned,
      Instant unassignedAt,
      boolean inRegion,
      Instant regionRemovedAt) {}

  /** A new version row. */
  record NewVersion(
      UUID recordId,
      int version,
      String fields,
      boolean deleted,
      UUID authorId,
      UUID deviceId,
      UUID mutationId,
      Integer baseVersion,
      String mergeStatus) {}

  /** A new ledger row. */
  record NewLedgerEntry(
      UUID mutationId,
      UUID deviceId,
      Long deviceSeq,
      UUID recordId,
      String fingerprint,
      String result) {}

  /** A new conflict row. */
  record NewConflict(
      UUID recordId,
      String regionCode,
      int version,
      String reason,
      String fields,
      UUID mutationId,
      UUID deviceId,
      UUID authorId) {}

  /** The columns of an upserted record. */
  record RecordWrite(
      UUID id,
      UUID driveId,
      String regionCode,
      String localAuthorityCode,
      UUID recordedBy,
      UUID deviceId,
      int version,
      Instant recordedAt,
      String outcome,
      String guidance,
      String ageBand,
      Boolean firstTimeRegistrant,
      String language,
      boolean deleted,
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

  // Rows written before the answer column kept their result as jsonb.
  @SqlQuery(
      "SELECT mutation_id, fingerprint, coalesce(answer, result::text) AS result"
          + " FROM sync_mutations WHERE mutation_id = ANY(:ids)")
  @RegisterConstructorMapper(LedgerRow.class)
  List<LedgerRow> findLedger(@Bind("ids") UUID[] ids);

  @SqlQuery(
      """
      SELECT d.id, d.region_code, d.local_authority_code, d.starts_on, d.ends_on, d.status,
             d.closed_at, coalesce(a.active, false) AS assigned, a.unassigned_at,
             ur.user_id IS NOT NULL AS in_region, rr.removed_at AS region_removed_at
      FROM drives d
      LEFT JOIN drive_assignments a ON a.drive_id = d.id AND a.participant_id = :participant
      LEFT JOIN user_regions ur ON ur.user_id = :participant AND ur.region_code = d.region_code
      LEFT JOIN user_region_removals rr
        ON rr.user_id = :participant AND rr.region_code = d.region_code
      WHERE d.id = ANY(:ids)
      """)
  @RegisterConstructorMapper(DriveScope.class)
  List<DriveScope> findDrives(@Bind("ids") UUID[] ids, @Bind("participant") UUID participant);

  /**
   * The rows of one push's record upserts as one array per column, so the whole push is written by
   * one statement whatever its size: PostgreSQL parses and plans it once, and the driver binds
   * fifteen arrays instead of fifteen parameters per record.
   */
  record RecordColumns(
      UUID[] ids,
      UUID[] driveIds,
      String[] regionCodes,
      String[] localAuthorityCodes,
      UUID[] recordedBy,
      UUID[] deviceIds,
      Integer[] versions,
      String[] recordedAt,
      String[] outcomes,
      String[] guidance,
      String[] ageBands,
      Boolean[] firstTimeRegistrants,
      String[] languages,
      Boolean[] deleted,
      String[] flags) {
    public static RecordColumns of(List<RecordWrite> rows) {
      int n = rows.size();
      RecordColumns c =
          new RecordColumns(
              new UUID[n],
              new UUID[n],
              new String[n],
              new String[n],
              new UUID[n],
              new UUID[n],
              new Integer[n],
              new String[n],
              new String[n],
              new String[n],
              new String[n],
              new Boolean[n],
              new String[n],
              new Boolean[n],
              new String[n]);
      for (int i = 0; i < n; i++) {
        RecordWrite r = rows.get(i);
        c.ids[i] = r.id();
        c.driveIds[i] = r.driveId();
        c.regionCodes[i] = r.regionCode();
        c.localAuthorityCodes[i] = r.localAuthorityCode();
        c.recordedBy[i] = r.recordedBy();
        c.deviceIds[i] = r.deviceId();
        c.versions[i] = r.version();
        c.recordedAt[i] = r.recordedAt().toString();
        c.outcomes[i] = r.outcome();
        c.guidance[i] = r.guidance();
        c.ageBands[i] = r.ageBand();
        c.firstTimeRegistrants[i] = r.firstTimeRegistrant();
        c.languages[i] = r.language();
        c.deleted[i] = r.deleted();
        c.flags[i] = "{" + String.join(",", r.flags()) + "}";
      }
      return c;
    }

    /** The guidance column as bound (see {@link JsonTexts}). */
    public String guidanceTexts() {
      return JsonTexts.join(guidance);
    }
  }

  // recorded_at travels as ISO-8601 text with its offset and flags as array literals of fixed
  // codes: both cast exactly; guidance as JSON texts joined (JsonTexts). Ids are unique within a
  // push (one row per record).
  @SqlUpdate(
      """
      INSERT INTO drive_records (id, drive_id, region_code, local_authority_code, recorded_by,
                                 device_id, version, recorded_at, outcome, guidance, age_band,
                                 first_time_registrant, language, deleted, flags, deleted_at)
      SELECT r.id, r.drive_id, r.region_code, r.local_authority_code, r.recorded_by, r.device_id,
             r.version, r.recorded_at::timestamptz, r.outcome, r.guidance::jsonb, r.age_band,
             r.first_time_registrant, r.language, r.deleted, r.flags::text[],
             CASE WHEN r.deleted THEN now() END
      FROM unnest(:ids, :driveIds, :regionCodes, :localAuthorityCodes, :recordedBy, :deviceIds,
                  :versions, :recordedAt, :outcomes, string_to_array(:guidanceTexts, E'\\x1e', E'\\x1f'),
                  :ageBands, :firstTimeRegistrants, :languages, :deleted, :flags)
        AS r(id, drive_id, region_code, local_authority_code, recorded_by, device_id, version,
             recorded_at, outcome, guidance, age_band, first_time_registrant, language, deleted,
             flags)
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
  void upsert(@BindMethods RecordColumns records);

  /** New version rows, one array per column (see {@link RecordColumns}). */
  record VersionColumns(
      UUID[] recordIds,
      Integer[] versions,
      String[] fields,
      Boolean[] deleted,
      UUID[] authorIds,
      UUID[] deviceIds,
      UUID[] mutationIds,
      Integer[] baseVersions,
      String[] mergeStatuses) {
    public static VersionColumns of(List<NewVersion> rows) {
      int n = rows.size();
      VersionColumns c =
          new VersionColumns(
              new UUID[n],
              new Integer[n],
              new String[n],
              new Boolean[n],
              new UUID[n],
              new UUID[n],
              new UUID[n],
              new Integer[n],
              new String[n]);
      for (int i = 0; i < n; i++) {
        NewVersion v = rows.get(i);
        c.recordIds[i] = v.recordId();
        c.versions[i] = v.version();
        c.fields[i] = v.fields();
        c.deleted[i] = v.deleted();
        c.authorIds[i] = v.authorId();
        c.deviceIds[i] = v.deviceId();
        c.mutationIds[i] = v.mutationId();
        c.baseVersions[i] = v.baseVersion();
        c.mergeStatuses[i] = v.mergeStatus();
      }
      return c;
    }

    /** The fields column as bound (see {@link JsonTexts}). */
    public String fieldsTexts() {
      return JsonTexts.join(fields);
    }
  }

  @SqlUpdate(
      """
      INSERT INTO drive_record_versions (record_id, version, fields, deleted, author_id, device_id,
                                         mutation_id, base_version, merge_status)
      SELECT v.record_id, v.version, v.fields::jsonb, v.deleted, v.author_id, v.device_id,
             v.mutation_id, v.base_version, v.merge_status
      FROM unnest(:recordIds, :versions, string_to_array(:fieldsTexts, E'\\x1e', E'\\x1f'),
                  :deleted, :authorIds, :deviceIds, :mutationIds, :baseVersions, :mergeStatuses)
        AS v(record_id, version, fields, deleted, author_id, device_id, mutation_id, base_version,
             merge_status)
      """)
  void insertVersions(@BindMethods VersionColumns versions);

  /** New ledger rows, one array per column (see {@link RecordColumns}). */
  record LedgerColumns(
      UUID[] mutationIds,
      UUID[] deviceIds,
      Long[] deviceSeqs,
      UUID[] recordIds,
      String[] fingerprints,
      String[] results) {
    public static LedgerColumns of(List<NewLedgerEntry> rows) {
      int n = rows.size();
      LedgerColumns c =
          new LedgerColumns(
              new UUID[n], new UUID[n], new Long[n], new UUID[n], new String[n], new String[n]);
      for (int i = 0; i < n; i++) {
        NewLedgerEntry e = rows.get(i);
        c.mutationIds[i] = e.mutationId();
        c.deviceIds[i] = e.deviceId();
        c.deviceSeqs[i] = e.deviceSeq();
        c.recordIds[i] = e.recordId();
        c.fingerprints[i] = e.fingerprint();
        c.results[i] = e.result();
      }
      return c;
    }

    /** The answers as bound (see {@link JsonTexts}). */
    public String resultsTexts() {
      return JsonTexts.join(results);
    }
  }

  // The answer is stored as the text the device was sent: PostgreSQL neither parses it nor
  // rebuilds it, and a replay answers the same bytes. A mutation id another push recorded
  // meanwhile is not inserted (it waits for that push's commit): the count tells the caller.
  @SqlUpdate(
      """
      INSERT INTO sync_mutations (mutation_id, device_id, device_seq, record_id, fingerprint, answer)
      SELECT m.mutation_id, m.device_id, m.device_seq, m.record_id, m.fingerprint, m.answer
      FROM unnest(:mutationIds, :deviceIds, :deviceSeqs, :recordIds, :fingerprints,
                  string_to_array(:resultsTexts, E'\\x1e', E'\\x1f'))
        AS m(mutation_id, device_id, device_seq, record_id, fingerprint, answer)
      ON CONFLICT (mutation_id) DO NOTHING
      """)
  int insertLedger(@BindMethods LedgerColumns entries);

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
}
