package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Hashes;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TokenDao's SQL as the application role runs it: which tokens still resolve, which revoke. */
class TokenDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private final Jdbi app = Jdbis.over(db.appDataSource());
  private final RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
  private final TokenDao tokens = app.onDemand(TokenDao.class);
  private final DeviceDao devices = app.onDemand(DeviceDao.class);

  /** A device token as enrolment issues it. */
  private record Issued(UUID user, UUID device, byte[] hash) {}

  private Issued phoneToken(UUID user, Instant expiresAt) {
    UUID device = devices.insert(user, "phone", "1.0.0");
    byte[] hash = Hashes.random();
    tokens.insert(hash, "device", user, device, expiresAt);
    return new Issued(user, device, hash);
  }

  private Issued phoneToken(UUID user) {
    return phoneToken(user, Instant.now().plus(1, ChronoUnit.DAYS));
  }

  private Issued phoneToken() {
    return phoneToken(seeds.participant(Fixtures.NORTH_EAST));
  }

  @Test
  void aLiveDeviceTokenResolvesToItsUserRoleRegionsAndDevice() {
    Issued issued = phoneToken();

    TokenDao.TokenOwner owner = tokens.findValid(issued.hash()).orElseThrow();

    assertThat(owner.userId()).isEqualTo(issued.user());
    assertThat(owner.role()).isEqualTo("participant");
    assertThat(owner.regions()).containsExactly(Fixtures.NORTH_EAST);
    assertThat(owner.deviceId()).isEqualTo(issued.device());
    assertThat(tokens.findValid(Hashes.random())).isEmpty();
  }

  @Test
  void anExpiredTokenResolvesToNothing() {
    Issued expired =
        phoneToken(seeds.participant(Fixtures.NORTH_EAST), Instant.now().minusSeconds(1));

    assertThat(tokens.findValid(expired.hash())).isEmpty();
  }

  @Test
  void aRevokedTokenResolvesToNothingAndRevokingTwiceChangesNothing() {
    Issued issued = phoneToken();

    assertThat(tokens.revoke(issued.hash())).isOne();
    assertThat(tokens.revoke(issued.hash())).isZero();
    assertThat(tokens.findValid(issued.hash())).isEmpty();
  }

  @Test
  void aTokenOfARevokedDeviceOrOfADeactivatedUserResolvesToNothing() {
    Issued ofLostPhone = phoneToken();
    devices.revoke(ofLostPhone.device());
    assertThat(tokens.findValid(ofLostPhone.hash())).isEmpty();

    Issued ofLeaver = phoneToken();
    seeds
        .owner()
        .useHandle(h -> h.execute("UPDATE users SET active = false WHERE id = ?", ofLeaver.user()));
    assertThat(tokens.findValid(ofLeaver.hash())).isEmpty();
  }

  @Test
  void revokingTheOthersOfAUserKeepsTheGivenTokenAndLeavesOtherUsersAlone() {
    Issued kept = phoneToken();
    Issued other = phoneToken(kept.user());
    Issued neighbours = phoneToken();

    assertThat(tokens.revokeOthersOfUser(kept.user(), kept.hash())).isOne();

    assertThat(tokens.findValid(kept.hash())).isPresent();
    assertThat(tokens.findValid(other.hash())).isEmpty();
    assertThat(tokens.findValid(neighbours.hash())).isPresent();
    assertThat(tokens.revokeAllOfUser(kept.user())).isOne();
    assertThat(tokens.findValid(kept.hash())).isEmpty();
  }

  @Test
  void revokingADevicesTokensLeavesTheUsersOtherDevicesSignedIn() {
    Issued lost = phoneToken();
    Issued spare = phoneToken(lost.user());

    assertThat(tokens.revokeAllOfDevice(lost.device())).isOne();

    assertThat(tokens.findValid(lost.hash())).isEmpty();
    assertThat(tokens.findValid(spare.hash())).isPresent();
  }
}
