package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DriveDao as the application role runs it: the scoped list, and assignment changes that move the
 * feed position only when something changed (a device pulls each one).
 */
class DriveDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private final Jdbi app = Jdbis.over(db.appDataSource());
  private final RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
  private final DriveDao drives = app.onDemand(DriveDao.class);

  private UUID drive(String region, LocalDate startsOn, UUID createdBy) {
    return drives.insert(
        "Drive " + UUID.randomUUID(),
        Fixtures.COUNCIL.get(region),
        region,
        "community_centre",
        startsOn,
        startsOn.plusDays(30),
        createdBy);
  }

  private long assignmentXid(UUID drive, UUID participant) {
    return seeds
        .owner()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT change_xid FROM drive_assignments"
                            + " WHERE drive_id = :drive AND participant_id = :participant")
                    .bind("drive", drive)
                    .bind("participant", participant)
                    .mapTo(Long.class)
                    .one());
  }

  private static List<UUID> ids(List<DriveRow> rows) {
    return rows.stream().map(DriveRow::id).toList();
  }

  @Test
  void aParticipantListsOnlyTheDrivesTheyAreActivelyAssignedTo() {
    UUID participant = seeds.participant(Fixtures.EAST_MIDLANDS);
    UUID assigned = drive(Fixtures.EAST_MIDLANDS, LocalDate.of(2026, 3, 1), participant);
    UUID unassigned = drive(Fixtures.EAST_MIDLANDS, LocalDate.of(2026, 4, 1), participant);
    drive(Fixtures.EAST_MIDLANDS, LocalDate.of(2026, 5, 1), participant);
    drives.assign(assigned, List.of(participant));
    drives.assign(unassigned, List.of(participant));
    drives.unassign(unassigned, List.of(participant));

    assertThat(ids(drives.list(false, participant, new String[0], null, null)))
        .containsExactly(assigned);
    assertThat(drives.find(assigned).orElseThrow().participantIds()).containsExactly(participant);
    assertThat(drives.find(unassigned).orElseThrow().participantIds()).isEmpty();
  }

  @Test
  void anOrganisersRegionsFilteredByRegionAndStatusNewestFirst() {
    UUID by = seeds.participant(Fixtures.WEST_MIDLANDS);
    UUID march = drive(Fixtures.WEST_MIDLANDS, LocalDate.of(2026, 3, 1), by);
    UUID june = drive(Fixtures.WEST_MIDLANDS, LocalDate.of(2026, 6, 1), by);
    UUID yorkshire = drive(Fixtures.YORKSHIRE, LocalDate.of(2026, 6, 1), by);
    DriveRow row = drives.find(march).orElseThrow();
    drives.update(march, row.name(), "active", row.startsOn(), row.endsOn());

    String[] regions = {Fixtures.WEST_MIDLANDS, Fixtures.YORKSHIRE};
    assertThat(ids(drives.list(false, null, new String[] {Fixtures.WEST_MIDLANDS}, null, null)))
        .containsExactly(june, march);
    assertThat(ids(drives.list(false, null, regions, Fixtures.YORKSHIRE, null)))
        .containsExactly(yorkshire);
    assertThat(ids(drives.list(false, null, regions, null, "active"))).containsExactly(march);
  }

  @Test
  void reassigningMovesTheFeedPositionButAssigningTwiceDoesNot() {
    UUID participant = seeds.participant(Fixtures.NORTH_WEST);
    UUID drive = drive(Fixtures.NORTH_WEST, LocalDate.of(2026, 3, 1), participant);
    drives.assign(drive, List.of(participant));
    long first = assignmentXid(drive, participant);

    drives.assign(drive, List.of(participant));
    assertThat(assignmentXid(drive, participant)).isEqualTo(first);

    drives.unassign(drive, List.of(participant));
    long unassigned = assignmentXid(drive, participant);
    assertThat(unassigned).isGreaterThan(first);
    drives.unassign(drive, List.of(participant));
    assertThat(assignmentXid(drive, participant)).isEqualTo(unassigned);

    drives.assign(drive, List.of(participant));
    assertThat(assignmentXid(drive, participant)).isGreaterThan(unassigned);
    assertThat(drives.find(drive).orElseThrow().participantIds()).containsExactly(participant);
  }

  @Test
  void closingStampsClosedAtOnceAndReopeningClearsIt() {
    UUID by = seeds.participant(Fixtures.NORTH_WEST);
    UUID drive = drive(Fixtures.NORTH_WEST, LocalDate.of(2026, 3, 1), by);
    DriveRow row = drives.find(drive).orElseThrow();
    assertThat(drives.closedAt(drive)).isNull();

    drives.update(drive, row.name(), "closed", row.startsOn(), row.endsOn());
    var closedAt = drives.closedAt(drive);
    assertThat(closedAt).isNotNull();
    drives.update(drive, "Renamed", "closed", row.startsOn(), row.endsOn());
    assertThat(drives.closedAt(drive)).isEqualTo(closedAt);

    drives.update(drive, "Renamed", "active", row.startsOn(), row.endsOn());
    assertThat(drives.closedAt(drive)).isNull();
  }

  @Test
  void onlyActiveParticipantsOfTheRegionAreEligible() {
    UUID inRegion = seeds.participant(Fixtures.NORTH_EAST);
    UUID elsewhere = seeds.participant(Fixtures.NORTH_WEST);
    UUID inactive = seeds.participant(Fixtures.NORTH_EAST);
    seeds
        .owner()
        .useHandle(h -> h.execute("UPDATE users SET active = false WHERE id = ?", inactive));

    assertThat(
            drives.eligibleParticipants(
                List.of(inRegion, elsewhere, inactive), Fixtures.NORTH_EAST))
        .containsExactly(inRegion);
  }
}
