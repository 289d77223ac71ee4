package org.drivesync.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Bearer tokens, looked up by their SHA-256 hash only. */
public interface TokenDao {
  /** What a valid token resolves to. */
  record TokenOwner(UUID userId, String role, String[] regions, UUID deviceId) {}

  // One round trip per request: the token, its live user, its unrevoked device and the regions.
  @SqlQuery(
      """
      SELECT u.id AS user_id, u.role,
             ARRAY(SELECT region_code FROM user_regions ur WHERE ur.user_id = u.id) AS regions,
             t.device_id
      FROM access_tokens t
      JOIN users u ON u.id = t.user_id AND u.active
      LEFT JOIN devices d ON d.id = t.device_id
      WHERE t.token_hash = :hash
        AND t.revoked_at IS NULL
        AND t.expires_at > now()
        AND (t.device_id IS NULL OR d.revoked_at IS NULL)
      """)
  @RegisterConstructorMapper(TokenOwner.class)
  Optional<TokenOwner> findValid(@Bind("hash") byte[] hash);

  @SqlUpdate(
      """
      INSERT INTO access_tokens (token_hash, kind, user_id, device_id, expires_at)
      VALUES (:hash, :kind, :userId, :deviceId, :expiresAt)
      """)
  void insert(
      @Bind("hash") byte[] hash,
      @Bind("kind") String kind,
      @Bind("userId") UUID userId,
      @Bind("deviceId") UUID deviceId,
      @Bind("expiresAt") Instant expiresAt);

  @SqlUpdate(
      "UPDATE access_tokens SET revoked_at = now() WHERE token_hash = :hash AND revoked_at IS NULL")
  int revoke(@Bind("hash") byte[] hash);

  @SqlUpdate(
      "UPDATE access_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
  int revokeAllOfUser(@Bind("userId") UUID userId);

  @SqlUpdate(
      "UPDATE access_tokens SET revoked_at = now() WHERE device_id = :deviceId AND revoked_at IS NULL")
  int revokeAllOfDevice(@Bind("deviceId") UUID deviceId);

  /** Every other token of the person: a changed password ends their other sessions. */
  @SqlUpdate(
      """
      UPDATE access_tokens SET revoked_at = now()
      WHERE user_id = :userId AND token_hash <> :keep AND revoked_at IS NULL
      """)
  int revokeOthersOfUser(@Bind("userId") UUID userId, @Bind("keep") byte[] keep);
}
