package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** UserDao as the application role runs it: whom an organiser sees, and sign-in bookkeeping. */
class UserDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private final UserDao users = Jdbis.over(db.appDataSource()).onDemand(UserDao.class);

  private UUID user(String role, String... regions) {
    UUID id = users.insert(role + " " + UUID.randomUUID(), null, role, null, null, null, null);
    users.addRegions(id, List.of(regions));
    return id;
  }

  private static List<UUID> ids(List<UserRow> rows) {
    return rows.stream().map(UserRow::id).toList();
  }

  @Test
  void anOrganiserSeesThemselvesAndTheParticipantsOfAnyOfTheirRegionsOnce() {
    UUID organiser = user("organiser", Fixtures.NORTH_EAST, Fixtures.YORKSHIRE);
    UUID inOne = user("participant", Fixtures.NORTH_EAST);
    UUID inBoth = user("participant", Fixtures.NORTH_EAST, Fixtures.YORKSHIRE);
    UUID partlyOutside = user("participant", Fixtures.YORKSHIRE, Fixtures.WEST_MIDLANDS);
    UUID elsewhere = user("participant", Fixtures.WEST_MIDLANDS);
    UUID otherOrganiser = user("organiser", Fixtures.NORTH_EAST);

    List<UUID> seen =
        ids(users.visibleToOrganiser(organiser, List.of(Fixtures.NORTH_EAST, Fixtures.YORKSHIRE)));

    assertThat(seen)
        .containsOnlyOnce(organiser, inOne, inBoth, partlyOutside)
        .doesNotContain(elsewhere, otherOrganiser);
  }

  @Test
  void aUsersRegionsComeBackSortedAndClearingThemLeavesNone() {
    UUID id = user("participant", Fixtures.YORKSHIRE, Fixtures.NORTH_EAST);
    assertThat(users.find(id).orElseThrow().regions())
        .containsExactly(Fixtures.NORTH_EAST, Fixtures.YORKSHIRE);

    users.clearRegions(id);

    assertThat(users.find(id).orElseThrow().regions()).isEmpty();
  }

  @Test
  void aNewPasswordClearsFailedSignInsAndTheLock() {
    UUID id = user("participant", Fixtures.NORTH_EAST);
    users.recordLoginAttempt(id, 5, Instant.now().plusSeconds(900));
    assertThat(users.find(id).orElseThrow().failedLogins()).isEqualTo(5);

    users.setPassword(id, "$2a$12$notarealhashnotarealhashnotarealhashnotarealhashnota");

    UserRow after = users.find(id).orElseThrow();
    assertThat(after.failedLogins()).isZero();
    assertThat(after.lockedUntil()).isNull();
  }

  @Test
  void onlyAnActiveAdminCounts() {
    UUID admin =
        users.insert(
            "Admin",
            "admin-" + UUID.randomUUID() + "@example.org",
            "admin",
            null,
            null,
            null,
            null);
    assertThat(users.anActiveAdminExists()).isTrue();

    UserRow row = users.find(admin).orElseThrow();
    users.update(admin, row.name(), row.cohort(), row.trainedOn(), false);

    assertThat(users.anActiveAdminExists()).isFalse();
  }
}
