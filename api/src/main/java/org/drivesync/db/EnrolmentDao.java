package org.drivesync.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Single-use enrolment codes, stored as hashes. */
public interface EnrolmentDao {
  /** An enrolment claimed by a device. */
  record Claimed(UUID id, UUID userId) {}

  /** An enrolment as its QR endpoint needs it. */
  record Pending(UUID id, UUID userId, String qrPayload, Instant expiresAt, Instant usedAt) {}

  @SqlUpdate(
      """
      INSERT INTO enrolments (user_id, code_hash, created_by, expires_at, qr_payload)
      VALUES (:userId, :codeHash, :createdBy, :expiresAt, :qrPayload)
      """)
  @GetGeneratedKeys("id")
  UUID insert(
      @Bind("userId") UUID userId,
      @Bind("codeHash") byte[] codeHash,
      @Bind("createdBy") UUID createdBy,
      @Bind("expiresAt") Instant expiresAt,
      @Bind("qrPayload") String qrPayload);

  // Claiming is one conditional UPDATE: two phones racing with the same code cannot both win.
  @SqlQuery(
      """
      UPDATE enrolments SET used_at = now(), qr_payload = NULL
      WHERE code_hash = :codeHash AND used_at IS NULL AND expires_at > now()
      RETURNING id, user_id
      """)
  @RegisterConstructorMapper(Claimed.class)
  Optional<Claimed> claim(@Bind("codeHash") byte[] codeHash);

  @SqlUpdate("UPDATE enrolments SET device_id = :deviceId WHERE id = :id")
  void attachDevice(@Bind("id") UUID id, @Bind("deviceId") UUID deviceId);

  @SqlQuery("SELECT id, user_id, qr_payload, expires_at, used_at FROM enrolments WHERE id = :id")
  @RegisterConstructorMapper(Pending.class)
  Optional<Pending> find(@Bind("id") UUID id);
}
