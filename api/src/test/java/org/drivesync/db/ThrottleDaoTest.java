package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.drivesync.testing.Hashes;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ThrottleDao's upsert and clean-up as the application role runs them, on a clock the test gives:
 * failures count up, a key quiet for the forget period starts again from one.
 */
class ThrottleDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final Duration FORGET = Duration.ofHours(24);

  private final ThrottleDao throttles = Jdbis.over(db.appDataSource()).onDemand(ThrottleDao.class);

  private int fail(byte[] key, Instant now) {
    return throttles.countFailure(key, "account", now, now.minus(FORGET));
  }

  @Test
  void failuresCountUpAndAKeyQuietForTheForgetPeriodStartsAgainFromOne() {
    byte[] key = Hashes.random();
    assertThat(fail(key, T0)).isEqualTo(1);
    assertThat(fail(key, T0.plusSeconds(1))).isEqualTo(2);
    assertThat(fail(key, T0.plusSeconds(2))).isEqualTo(3);
    // Just inside the period the count goes on; a day after the last failure it restarts.
    assertThat(fail(key, T0.plusSeconds(2).plus(FORGET))).isEqualTo(4);
    assertThat(fail(key, T0.plusSeconds(3).plus(FORGET).plus(FORGET))).isEqualTo(1);
    assertThat(fail(Hashes.random(), T0)).isEqualTo(1);
  }

  @Test
  void aKeyIsBlockedUntilItsTimeAndNotAfter() {
    byte[] key = Hashes.random();
    fail(key, T0);
    assertThat(throttles.blockedUntil(key, T0)).isEmpty();

    Instant until = T0.plus(30, ChronoUnit.SECONDS);
    throttles.block(key, until);

    assertThat(throttles.blockedUntil(key, T0.plusSeconds(29))).contains(until);
    assertThat(throttles.blockedUntil(key, until)).isEmpty();
    assertThat(throttles.clear(key)).isOne();
    assertThat(throttles.clear(key)).isZero();
    assertThat(throttles.blockedUntil(key, T0)).isEmpty();
  }

  @Test
  void forgettingRemovesOnlyKeysBothQuietAndNoLongerBlocked() {
    byte[] quiet = Hashes.random();
    byte[] recent = Hashes.random();
    byte[] stillBlocked = Hashes.random();
    fail(quiet, T0);
    fail(recent, T0.plus(FORGET));
    fail(stillBlocked, T0);
    throttles.block(stillBlocked, T0.plus(FORGET).plus(FORGET));

    Instant now = T0.plus(FORGET).plusSeconds(1);
    throttles.forgetOlderThan(now.minus(FORGET), now);

    assertThat(fail(quiet, now)).as("forgotten, so counted from one").isEqualTo(1);
    assertThat(fail(recent, now)).isEqualTo(2);
    assertThat(throttles.blockedUntil(stillBlocked, now)).isPresent();
  }
}
