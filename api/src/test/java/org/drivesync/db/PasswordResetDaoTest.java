package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Hashes;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PasswordResetDao as the application role runs it: only the latest token, once, in time. */
class PasswordResetDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private final RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
  private final PasswordResetDao resets =
      Jdbis.over(db.appDataSource()).onDemand(PasswordResetDao.class);

  private static Instant inAnHour() {
    return Instant.now().plusSeconds(3600);
  }

  @Test
  void aTokenIsClaimedOnceForItsPerson() {
    UUID person = seeds.participant(Fixtures.NORTH_WEST);
    byte[] token = Hashes.random();
    resets.issue(person, token, null, inAnHour());

    assertThat(resets.claim(token)).contains(person);
    assertThat(resets.claim(token)).isEmpty();
    assertThat(resets.claim(Hashes.random())).isEmpty();
  }

  @Test
  void aNewResetReplacesTheEarlierOneEvenOnceThatWasUsed() {
    UUID person = seeds.participant(Fixtures.NORTH_WEST);
    byte[] first = Hashes.random();
    byte[] second = Hashes.random();
    byte[] third = Hashes.random();
    resets.issue(person, first, null, inAnHour());
    resets.issue(person, second, null, inAnHour());

    assertThat(resets.claim(first)).isEmpty();
    assertThat(resets.claim(second)).contains(person);

    resets.issue(person, third, null, inAnHour());
    assertThat(resets.claim(third)).contains(person);
  }

  @Test
  void anExpiredOrDiscardedTokenIsNotClaimed() {
    UUID expiring = seeds.participant(Fixtures.NORTH_WEST);
    byte[] late = Hashes.random();
    resets.issue(expiring, late, null, inAnHour());
    seeds
        .owner()
        .useHandle(
            h ->
                h.execute(
                    """
                    UPDATE password_resets
                    SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
                    WHERE user_id = ?
                    """,
                    expiring));
    assertThat(resets.claim(late)).isEmpty();

    UUID discarded = seeds.participant(Fixtures.NORTH_WEST);
    byte[] token = Hashes.random();
    resets.issue(discarded, token, null, inAnHour());
    assertThat(resets.discard(discarded)).isOne();
    assertThat(resets.claim(token)).isEmpty();
  }
}
