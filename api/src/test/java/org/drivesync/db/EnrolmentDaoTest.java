package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Hashes;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EnrolmentDao's claim as the application role runs it: one use, in time, by one phone only. */
class EnrolmentDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private final Jdbi app = Jdbis.over(db.appDataSource());
  private final RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
  private final EnrolmentDao enrolments = app.onDemand(EnrolmentDao.class);

  private UUID enrolment(byte[] code, Instant expiresAt) {
    UUID participant = seeds.participant(Fixtures.NORTH_EAST);
    return enrolments.insert(participant, code, participant, expiresAt, "drivesync://enrol?c=x");
  }

  @Test
  void aCodeIsClaimedOnceAndItsQrPayloadIsDroppedWhenItIs() {
    byte[] code = Hashes.random();
    UUID id = enrolment(code, Instant.now().plusSeconds(600));
    assertThat(enrolments.find(id).orElseThrow().qrPayload()).isNotNull();

    EnrolmentDao.Claimed claimed = enrolments.claim(code).orElseThrow();

    assertThat(claimed.id()).isEqualTo(id);
    assertThat(enrolments.claim(code)).isEmpty();
    EnrolmentDao.Pending after = enrolments.find(id).orElseThrow();
    assertThat(after.qrPayload()).isNull();
    assertThat(after.usedAt()).isNotNull();
  }

  @Test
  void anExpiredOrUnknownCodeIsNotClaimed() {
    byte[] code = Hashes.random();
    UUID id = enrolment(code, Instant.now().minusSeconds(1));

    assertThat(enrolments.claim(code)).isEmpty();
    assertThat(enrolments.claim(Hashes.random())).isEmpty();
    assertThat(enrolments.find(id).orElseThrow().usedAt()).isNull();
  }

  @Test
  void ofTwoPhonesRacingWithOneCodeOnlyTheFirstToCommitWins() throws Exception {
    byte[] code = Hashes.random();
    UUID id = enrolment(code, Instant.now().plusSeconds(600));
    try (Handle first = app.open()) {
      first.begin();
      assertThat(first.attach(EnrolmentDao.class).claim(code)).isPresent();
      // The second claim waits on the first's row lock, then finds the code used.
      CompletableFuture<Optional<EnrolmentDao.Claimed>> second =
          CompletableFuture.supplyAsync(() -> enrolments.claim(code));
      first.commit();
      assertThat(second.get()).isEmpty();
    }
    assertThat(enrolments.find(id).orElseThrow().usedAt()).isNotNull();
  }
}
