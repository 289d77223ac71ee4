package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DeviceDao's scoped list as the application role runs it: everything, a participant's own phones,
 * or the phones of people in an organiser's regions; and the stale filter.
 */
class DeviceDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private final DeviceDao devices = appDevices();
  private static UUID neParticipant;
  private static UUID neOld;
  private static UUID neNew;
  private static UUID nwPhone;
  private static UUID bothRegionsPhone;

  private static DeviceDao appDevices() {
    return Jdbis.over(db.appDataSource()).onDemand(DeviceDao.class);
  }

  @BeforeAll
  static void phonesInTwoRegions() {
    DeviceDao devices = appDevices();
    RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
    neParticipant = seeds.participant(Fixtures.NORTH_EAST);
    UUID nwParticipant = seeds.participant(Fixtures.NORTH_WEST);
    UUID both = seeds.participant(Fixtures.NORTH_EAST);
    seeds
        .owner()
        .useHandle(
            h -> h.execute("INSERT INTO user_regions VALUES (?, ?)", both, Fixtures.NORTH_WEST));
    neOld = devices.insert(neParticipant, "old phone", "1.0.0");
    neNew = devices.insert(neParticipant, "new phone", "1.0.0");
    nwPhone = devices.insert(nwParticipant, "phone", "1.0.0");
    bothRegionsPhone = devices.insert(both, "phone", "1.0.0");
    // Enrolment times apart, so the newest-first order is the test's to say.
    seeds
        .owner()
        .useHandle(
            h -> {
              for (Object[] row :
                  new Object[][] {
                    {neOld, "40 days"},
                    {neNew, "1 day"},
                    {nwPhone, "2 days"},
                    {bothRegionsPhone, "3 days"}
                  }) {
                h.execute(
                    "UPDATE devices SET enrolled_at = now() - CAST(? AS interval) WHERE id = ?",
                    row[1],
                    row[0]);
              }
            });
  }

  private static List<UUID> ids(List<DeviceRow> rows) {
    return rows.stream().map(DeviceRow::id).toList();
  }

  @Test
  void everythingIsNewestFirstAndAParticipantSeesOnlyTheirOwnPhones() {
    assertThat(ids(devices.list(true, null, new String[0], null)))
        .containsSubsequence(neNew, nwPhone, bothRegionsPhone, neOld);
    assertThat(ids(devices.list(false, neParticipant, new String[0], null)))
        .containsExactly(neNew, neOld);
  }

  @Test
  void anOrganiserSeesThePhonesOfEveryoneInTheirRegions() {
    assertThat(ids(devices.list(false, null, new String[] {Fixtures.NORTH_WEST}, null)))
        .containsExactly(nwPhone, bothRegionsPhone);
    assertThat(ids(devices.list(false, null, new String[] {Fixtures.NORTH_EAST}, null)))
        .containsExactly(neNew, bothRegionsPhone, neOld);
  }

  @Test
  void staleMeansLiveAndQuietSinceTheDateByItsLastSyncOrElseItsEnrolment() {
    RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
    UUID participant = seeds.participant(Fixtures.YORKSHIRE);
    UUID quiet = devices.insert(participant, "quiet", "1.0.0");
    UUID synced = devices.insert(participant, "synced", "1.0.0");
    UUID revoked = devices.insert(participant, "revoked", "1.0.0");
    devices.insert(participant, "new", "1.0.0");
    seeds
        .owner()
        .useHandle(
            h -> {
              h.execute(
                  "UPDATE devices SET enrolled_at = now() - interval '40 days' WHERE id = ?",
                  quiet);
              h.execute(
                  "UPDATE devices SET enrolled_at = now() - interval '60 days',"
                      + " last_pull_at = now() - interval '50 days',"
                      + " last_push_at = now() - interval '1 day' WHERE id = ?",
                  synced);
              h.execute(
                  "UPDATE devices SET enrolled_at = now() - interval '60 days',"
                      + " revoked_at = now() WHERE id = ?",
                  revoked);
            });

    Instant staleBefore = Instant.now().minusSeconds(30L * 24 * 3600);

    assertThat(ids(devices.list(false, participant, new String[0], staleBefore)))
        .containsExactly(quiet);
  }

  @Test
  void revokingTwiceChangesNothingTheSecondTimeAndTheAppVersionFollowsThePhone() {
    UUID phone =
        devices.insert(
            new RecordSeeds(db.ownerDataSource()).participant(Fixtures.WEST_MIDLANDS),
            "phone",
            "1.0.0");
    devices.recordAppVersion(phone, "1.1.0");
    assertThat(devices.find(phone).orElseThrow().appVersion()).isEqualTo("1.1.0");

    assertThat(devices.revoke(phone)).isOne();
    assertThat(devices.revoke(phone)).isZero();
    assertThat(devices.find(phone).orElseThrow().revokedAt()).isNotNull();
  }
}
