package org.drivesync.db;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The pull feed of one participant: their records and their drives, ordered by the id of the
 * transaction that last changed each row.
 *
 * <p>Only rows whose transaction id is below the snapshot's xmin are served. Every transaction
 * below xmin has finished, so no row can later appear behind a position already handed out — the
 * bug of feeds ordered by a sequence or by now(), where a slow transaction commits a low number
 * after a faster one's higher number was served.
 */
public interface FeedDao {
  /** One feed row: a record or a drive, at its position. */
  record FeedRow(long xid, String entity, UUID id) {}

  /**
   * A feed row with what the native pull sends for it. For a record: its version, whether it is
   * deleted, and, when live, its wire JSON as PostgreSQL built it ({@link #RECORD_JSON}; null when
   * the record must be built in Java instead). For a drive only the position.
   */
  record FeedChange(
      long xid, String entity, UUID id, Integer version, boolean deleted, String json) {}

  /**
   * Where a page starts: after {@code xid} for drives (and at it, after {@code driveAfter}, when
   * {@code drivesAtXid}); after {@code (recordXid, recordId)} for records.
   */
  record After(long xid, long recordXid, UUID recordId, boolean drivesAtXid, UUID driveAfter) {}

  /** The horizon of the statement's snapshot: every transaction below it has finished. */
  String HORIZON = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

  // The position test (xid, entity, id) > cursor is spelled out per entity so each branch can use
  // its index; entity names compare in "C" collation, as PullCursor orders them. Records compare as
  // a row value, (change_xid, id) > (:recordXid, :recordId), which the feed index turns into a
  // range scan starting at the cursor; spelled with OR it read every earlier row of the
  // participant.
  String RECORDS_AFTER =
      """
      FROM drive_records r, horizon
      WHERE r.recorded_by = :participant
        AND r.change_xid < horizon.xmin
        AND (r.change_xid, r.id) > (:recordXid, :recordId)
      ORDER BY r.change_xid, r.id
      LIMIT :limit
      """;

  String DRIVES_AFTER =
      """
      FROM drive_assignments a JOIN drives d ON d.id = a.drive_id, horizon
      WHERE a.participant_id = :participant
        AND greatest(a.change_xid, d.change_xid) < horizon.xmin
        AND (greatest(a.change_xid, d.change_xid) > :xid
             OR (greatest(a.change_xid, d.change_xid) = :xid AND :drivesAtXid
                 AND (CAST(:driveAfter AS uuid) IS NULL OR d.id > :driveAfter)))
      ORDER BY 1, 3
      LIMIT :limit
      """;

  String FEED_ORDER =
      """
      ) feed
      ORDER BY xid, entity COLLATE "C", id
      LIMIT :limit
      """;

  /**
   * A live record as the native pull shows it (RecordView through the API's ObjectMapper), built by
   * PostgreSQL so that the service copies text instead of mapping rows: the same keys in the same
   * order, flags sorted. Strings go through to_json and guidance is jsonb's text; instants are
   * {@code @} and microseconds since the epoch. FeedJson (core/sync) turns this into Jackson's
   * bytes and writes the instants. Null, so built in Java, when an instant is infinite or past year
   * 99999 (its microseconds would not fit a bigint).
   */
  String RECORD_JSON =
      """
      CASE WHEN isfinite(r.recorded_at) AND isfinite(r.received_at) AND isfinite(r.updated_at)
            AND greatest(r.recorded_at, r.received_at, r.updated_at) < '100000-01-01Z' THEN
      '{"id":"' || r.id || '","driveId":"' || r.drive_id
      || '","recordedAt":@' || (extract(epoch FROM r.recorded_at) * 1000000)::bigint
      || ',"outcome":' || to_json(r.outcome)
      || ',"guidance":' || coalesce(r.guidance::text, 'null')
      || ',"ageBand":' || coalesce(to_json(r.age_band)::text, 'null')
      || ',"firstTimeRegistrant":' || CASE r.first_time_registrant
           WHEN true THEN 'true' WHEN false THEN 'false' ELSE 'null' END
      || ',"language":' || coalesce(to_json(r.language)::text, 'null')
      || ',"version":' || r.version
      || ',"recordedBy":"' || r.recorded_by
      || '","deviceId":' || coalesce('"' || r.device_id || '"', 'null')
      || ',"receivedAt":@' || (extract(epoch FROM r.received_at) * 1000000)::bigint
      || ',"updatedAt":@' || (extract(epoch FROM r.updated_at) * 1000000)::bigint
      || ',"deleted":false,"flags":' || CASE WHEN cardinality(r.flags) = 0 THEN '[]' ELSE
           (SELECT '[' || string_agg(to_json(f)::text, ',' ORDER BY f COLLATE "C") || ']'
            FROM unnest(r.flags) AS f) END
      || '}'
      END
      """;

  @SqlQuery(
      "WITH horizon AS (SELECT "
          + HORIZON
          + " AS xmin)\n"
          + "SELECT xid, entity, id FROM (\n"
          + "(SELECT r.change_xid AS xid, 'drive_record' AS entity, r.id\n"
          + RECORDS_AFTER
          + ") UNION ALL (SELECT greatest(a.change_xid, d.change_xid) AS xid, 'drive' AS entity,"
          + " d.id\n"
          + DRIVES_AFTER
          + ")\n"
          + FEED_ORDER)
  @RegisterConstructorMapper(FeedRow.class)
  List<FeedRow> page(
      @Bind("participant") UUID participant, @BindMethods After after, @Bind("limit") int limit);

  /** The same page as {@link #page}, with each live record's native wire JSON. */
  @SqlQuery(
      "WITH horizon AS (SELECT "
          + HORIZON
          + " AS xmin)\n"
          + "SELECT xid, entity, id, version, deleted, json FROM (\n"
          + "(SELECT r.change_xid AS xid, 'drive_record' AS entity, r.id, r.version, r.deleted,"
          + " CASE WHEN NOT r.deleted THEN "
          + RECORD_JSON
          + " END AS json\n"
          + RECORDS_AFTER
          + ") UNION ALL (SELECT greatest(a.change_xid, d.change_xid) AS xid, 'drive' AS entity,"
          + " d.id, NULL::integer, false, NULL::text\n"
          + DRIVES_AFTER
          + ")\n"
          + FEED_ORDER)
  @RegisterConstructorMapper(FeedChange.class)
  List<FeedChange> changes(
      @Bind("participant") UUID participant, @BindMethods After after, @Bind("limit") int limit);

  /** Drives as the feed shows them, with whether this participant is still actively assigned. */
  record DriveFeedRow(
      UUID id,
      String name,
      String localAuthorityCode,
      String regionCode,
      String venueType,
      java.time.LocalDate startsOn,
      java.time.LocalDate endsOn,
      String status,
      boolean assigned) {}

  @SqlQuery(
      """
      SELECT d.id, d.name, d.local_authority_code, d.region_code, d.venue_type, d.starts_on,
             d.ends_on, d.status, a.active AS assigned
      FROM drives d JOIN drive_assignments a ON a.drive_id = d.id AND a.participant_id = :participant
      WHERE d.id = ANY(:ids)
      """)
  @RegisterConstructorMapper(DriveFeedRow.class)
  List<DriveFeedRow> drives(@Bind("ids") UUID[] ids, @Bind("participant") UUID participant);

  /**
   * The horizon now. Inside a REPEATABLE READ transaction it is the horizon of every page read in
   * that transaction, which makes it the position a consumer of all those pages has reached.
   */
  @SqlQuery("SELECT " + HORIZON)
  long horizon();

  /**
   * The bounds of a snapshot: every transaction below xmin has finished; none from xmax on began.
   */
  record Snapshot(long xmin, long xmax) {}

  @SqlQuery(
      """
      SELECT pg_snapshot_xmin(s)::text::bigint AS xmin, pg_snapshot_xmax(s)::text::bigint AS xmax
      FROM pg_current_snapshot() AS s
      """)
  @RegisterConstructorMapper(Snapshot.class)
  Snapshot snapshot();

  @SqlQuery("SELECT purged_through_xid FROM sync_state")
  long purgedThroughXid();
}
