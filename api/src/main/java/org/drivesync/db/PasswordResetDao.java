package org.drivesync.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** One-time password-reset tokens, by hash only; at most one per person. */
public interface PasswordResetDao {
  // A new reset replaces the person's earlier one, used or not: only the latest token works.
  @SqlUpdate(
      """
      INSERT INTO password_resets (user_id, token_hash, created_by, expires_at)
      VALUES (:userId, :hash, :createdBy, :expiresAt)
      ON CONFLICT (user_id) DO UPDATE
        SET token_hash = EXCLUDED.token_hash, created_by = EXCLUDED.created_by,
            created_at = now(), expires_at = EXCLUDED.expires_at, used_at = NULL
      """)
  void issue(
      @Bind("userId") UUID userId,
      @Bind("hash") byte[] hash,
      @Bind("createdBy") UUID createdBy,
      @Bind("expiresAt") Instant expiresAt);

  /** Claims a live token in one conditional UPDATE, so two requests cannot both use it. */
  @SqlQuery(
      """
      UPDATE password_resets SET used_at = now()
      WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now()
      RETURNING user_id
      """)
  Optional<UUID> claim(@Bind("hash") byte[] hash);

  /** A password set another way makes an outstanding reset token useless. */
  @SqlUpdate("DELETE FROM password_resets WHERE user_id = :userId")
  int discard(@Bind("userId") UUID userId);
}
