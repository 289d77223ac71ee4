package org.drivesync.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Follow-up contacts (row-level security: only the {@code all} and {@code system} scopes see any).
 * Contact columns arrive here already encrypted; erasing nulls them and keeps the row.
 */
@RegisterConstructorMapper(FollowUpRow.class)
public interface FollowUpDao {
  String COLUMNS =
      """
      record_id, channel, notice_version, name_ciphertext, contact_ciphertext, captured_at,
      done_at, withdrawn_at, erased_at, erasure_reason
      """;

  String ERASE =
      """
      name_ciphertext = NULL, contact_ciphertext = NULL, phone_hmac = NULL, email_hmac = NULL,
      erased_at = now(), updated_at = now()
      """;

  /** An encrypted follow-up to store. */
  record Write(
      UUID recordId,
      String channel,
      String noticeVersion,
      byte[] nameCiphertext,
      byte[] contactCiphertext,
      byte[] phoneHmac,
      byte[] emailHmac) {}

  /** A held follow-up with what staff need to act on it. */
  record WorkItem(
      UUID recordId,
      String channel,
      String noticeVersion,
      byte[] nameCiphertext,
      byte[] contactCiphertext,
      Instant capturedAt,
      UUID driveId,
      String regionCode,
      String localAuthorityCode,
      String outcome,
      String language) {}

  /** How many ciphertexts use one key. */
  record KeyUse(int keyId, long ciphertexts) {}

  @SqlQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE record_id = ANY(:ids) FOR UPDATE")
  List<FollowUpRow> lockAll(@Bind("ids") UUID[] ids);

  @SqlQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE record_id = :id FOR UPDATE")
  Optional<FollowUpRow> lock(@Bind("id") UUID id);

  // A later consented follow-up replaces an open one; a done or erased one stays as it is, so a
  // device re-sending an old follow-up cannot undo a withdrawal or an erasure.
  @SqlUpdate(
      """
      INSERT INTO follow_ups (record_id, channel, notice_version, name_ciphertext,
                              contact_ciphertext, phone_hmac, email_hmac)
      VALUES (:recordId, :channel, :noticeVersion, :nameCiphertext, :contactCiphertext,
              :phoneHmac, :emailHmac)
      ON CONFLICT (record_id) DO UPDATE SET
        channel = EXCLUDED.channel,
        notice_version = EXCLUDED.notice_version,
        name_ciphertext = EXCLUDED.name_ciphertext,
        contact_ciphertext = EXCLUDED.contact_ciphertext,
        phone_hmac = EXCLUDED.phone_hmac,
        email_hmac = EXCLUDED.email_hmac,
        captured_at = now(),
        updated_at = now()
      WHERE follow_ups.erased_at IS NULL AND follow_ups.done_at IS NULL
      """)
  void upsert(@BindMethods Write write);

  /** Erases the contacts of {@code ids} still held; returns the record ids erased. */
  @SqlQuery(
      "UPDATE follow_ups SET "
          + ERASE
          + ", erasure_reason = :reason"
          + " WHERE record_id = ANY(:ids) AND erased_at IS NULL RETURNING record_id")
  List<UUID> erase(@Bind("ids") UUID[] ids, @Bind("reason") String reason);

  /** Records that consent was withdrawn (erasing is separate: see {@link #erase}). */
  @SqlUpdate(
      "UPDATE follow_ups SET withdrawn_at = now(), updated_at = now()"
          + " WHERE record_id = ANY(:ids) AND withdrawn_at IS NULL")
  int markWithdrawn(@Bind("ids") UUID[] ids);

  @SqlQuery(
      "SELECT " + COLUMNS + " FROM follow_ups WHERE phone_hmac IN (<hashes>) ORDER BY captured_at")
  List<FollowUpRow> findByPhone(@BindList("hashes") Collection<byte[]> hashes);

  @SqlQuery(
      "SELECT " + COLUMNS + " FROM follow_ups WHERE email_hmac IN (<hashes>) ORDER BY captured_at")
  List<FollowUpRow> findByEmail(@BindList("hashes") Collection<byte[]> hashes);

  @SqlQuery("SELECT " + COLUMNS + " FROM follow_ups WHERE record_id = :id")
  Optional<FollowUpRow> find(@Bind("id") UUID id);

  // The staff work list: held and not done, oldest first, keyset-paged by (captured_at, record_id).
  @SqlQuery(
      """
      SELECT f.record_id, f.channel, f.notice_version, f.name_ciphertext, f.contact_ciphertext,
             f.captured_at, r.drive_id, r.region_code, r.local_authority_code, r.outcome, r.language
      FROM follow_ups f JOIN drive_records r ON r.id = f.record_id
      WHERE f.erased_at IS NULL AND f.done_at IS NULL
        AND (CAST(:region AS text) IS NULL OR r.region_code = :region)
        AND (CAST(:driveId AS uuid) IS NULL OR r.drive_id = :driveId)
        AND (CAST(:after AS uuid) IS NULL
             OR (f.captured_at, f.record_id)
                > (SELECT a.captured_at, a.record_id FROM follow_ups a WHERE a.record_id = :after))
      ORDER BY f.captured_at, f.record_id
      LIMIT :limit
      """)
  @RegisterConstructorMapper(WorkItem.class)
  List<WorkItem> workList(
      @Bind("region") String region,
      @Bind("driveId") UUID driveId,
      @Bind("after") UUID after,
      @Bind("limit") int limit);

  @SqlQuery(
      """
      UPDATE follow_ups SET done_at = now(), done_by = :staff, updated_at = now()
      WHERE record_id = :id AND done_at IS NULL AND erased_at IS NULL
      RETURNING record_id
      """)
  Optional<UUID> markDone(@Bind("id") UUID id, @Bind("staff") UUID staff);

  // One retention batch. SKIP LOCKED leaves rows a push is writing to the next run.
  @SqlQuery(
      "UPDATE follow_ups SET "
          + ERASE
          + ","
          + """
           erasure_reason = CASE WHEN done_at IS NOT NULL THEN 'done' ELSE 'retention' END
          WHERE record_id IN (SELECT record_id FROM follow_ups
                              WHERE erased_at IS NULL
                                AND (done_at IS NOT NULL OR captured_at < :cutoff)
                              ORDER BY captured_at
                              LIMIT :batch
                              FOR UPDATE SKIP LOCKED)
          RETURNING erasure_reason
          """)
  List<String> eraseExpired(@Bind("cutoff") Instant cutoff, @Bind("batch") int batch);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM follow_ups WHERE erased_at IS NULL AND record_id > :after"
          + " ORDER BY record_id LIMIT :batch FOR UPDATE")
  List<FollowUpRow> lockHeldAfter(@Bind("after") UUID after, @Bind("batch") int batch);

  @SqlUpdate(
      """
      UPDATE follow_ups SET name_ciphertext = :nameCiphertext,
                            contact_ciphertext = :contactCiphertext,
                            phone_hmac = :phoneHmac, email_hmac = :emailHmac, updated_at = now()
      WHERE record_id = :recordId AND erased_at IS NULL
      """)
  void rewrite(@BindMethods Write write);

  // Tink prefixes each ciphertext with 0x01 and the 4-byte id of the key that wrote it.
  @SqlQuery(
      """
      SELECT key_id, count(*) AS ciphertexts FROM (
        SELECT ('x' || encode(substring(c FROM 2 FOR 4), 'hex'))::bit(32)::int AS key_id
        FROM follow_ups, LATERAL (VALUES (name_ciphertext), (contact_ciphertext)) AS v(c)
        WHERE c IS NOT NULL
      ) k
      GROUP BY key_id ORDER BY key_id
      """)
  @RegisterConstructorMapper(KeyUse.class)
  List<KeyUse> keyUse();
}
