package org.drivesync.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Sign-in throttles, keyed by a hash of an email or a client address. */
public interface ThrottleDao {
  @SqlQuery("SELECT blocked_until FROM sign_in_throttles WHERE key = :key AND blocked_until > :now")
  Optional<Instant> blockedUntil(@Bind("key") byte[] key, @Bind("now") Instant now);

  /**
   * Counts one failure and answers the new failure count. A key quiet for {@code :forget} starts
   * again from one: old failures do not follow a person around forever.
   */
  @SqlQuery(
      """
      INSERT INTO sign_in_throttles AS t (key, kind, failures, blocked_until, last_failure_at)
      VALUES (:key, :kind, 1, :now, :now)
      ON CONFLICT (key) DO UPDATE
        SET failures = CASE WHEN t.last_failure_at < :forgetBefore THEN 1 ELSE t.failures + 1 END,
            last_failure_at = :now
      RETURNING failures
      """)
  int countFailure(
      @Bind("key") byte[] key,
      @Bind("kind") String kind,
      @Bind("now") Instant now,
      @Bind("forgetBefore") Instant forgetBefore);

  @SqlUpdate("UPDATE sign_in_throttles SET blocked_until = :until WHERE key = :key")
  void block(@Bind("key") byte[] key, @Bind("until") Instant until);

  @SqlUpdate("DELETE FROM sign_in_throttles WHERE key = :key")
  int clear(@Bind("key") byte[] key);

  @SqlUpdate(
      "DELETE FROM sign_in_throttles WHERE last_failure_at < :before AND blocked_until < :now")
  int forgetOlderThan(@Bind("before") Instant before, @Bind("now") Instant now);
}
