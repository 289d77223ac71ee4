package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.RecordSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PollDao as the application role runs it: the polls a participant's pull carries (councils of
 * their live assignments only), the date and council filters, and the dashboard's regions.
 */
class PollDaoTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);
  private static final String NE = Fixtures.NORTH_EAST;
  private static final String NW = Fixtures.NORTH_WEST;
  private static final String YORKSHIRE = Fixtures.YORKSHIRE;

  private final RecordSeeds seeds = new RecordSeeds(db.ownerDataSource());
  private final PollDao polls = Jdbis.over(db.appDataSource()).onDemand(PollDao.class);

  /** A poll of the councils of {@code regions} (one each) on {@code date}. */
  private String poll(LocalDate date, boolean cancelled, String... regions) {
    String id = "local.t" + UUID.randomUUID().toString().substring(0, 8) + "." + date;
    polls.insert(
        id,
        "local_england",
        "Test poll",
        date,
        "england",
        cancelled,
        "manual",
        null,
        seeds.participant(NE));
    polls.addCouncils(
        id, java.util.Arrays.stream(regions).map(Fixtures.COUNCIL::get).toArray(String[]::new));
    return id;
  }

  private String poll(LocalDate date, String... regions) {
    return poll(date, false, regions);
  }

  /** A drive in {@code region} with the participant assigned, {@code active} or not. */
  private void assigned(UUID participant, String region, boolean active, String status) {
    UUID drive = seeds.drive(region, participant);
    seeds
        .owner()
        .useHandle(
            h -> {
              h.execute(
                  """
                  INSERT INTO drive_assignments (drive_id, participant_id, active, unassigned_at)
                  VALUES (?, ?, ?, CASE WHEN ? THEN NULL ELSE now() END)
                  """,
                  drive,
                  participant,
                  active,
                  active);
              h.execute(
                  "UPDATE drives SET status = ?, closed_at = CASE WHEN ? = 'closed' THEN now() END"
                      + " WHERE id = ?",
                  status,
                  status,
                  drive);
            });
  }

  private static List<String> ids(List<PollRow> rows) {
    return rows.stream().map(PollRow::id).toList();
  }

  @Test
  void aParticipantGetsTheUpcomingPollsOfTheCouncilsOfTheirLiveAssignmentsOnly() {
    UUID participant = seeds.participant(NE);
    assigned(participant, NE, true, "active");
    assigned(participant, NW, false, "active");
    assigned(participant, YORKSHIRE, true, "closed");
    String later = poll(TODAY.plusMonths(4), NE);
    String today = poll(TODAY, NE, NW);
    String past = poll(TODAY.minusDays(1), NE);
    String unassigned = poll(TODAY.plusMonths(4), NW);
    String closedDrive = poll(TODAY.plusMonths(4), YORKSHIRE);

    List<String> upcoming = ids(polls.upcomingForParticipant(participant, TODAY));

    assertThat(upcoming)
        .containsExactly(today, later)
        .doesNotContain(past, unassigned, closedDrive);
  }

  @Test
  void theListFiltersByCouncilAndAnInclusiveDateRange() {
    LocalDate from = LocalDate.of(2028, 5, 1);
    String first = poll(from, YORKSHIRE);
    String last = poll(from.plusDays(30), YORKSHIRE, NW);
    String after = poll(from.plusDays(31), YORKSHIRE);
    String otherCouncil = poll(from.plusDays(10), NW);

    List<String> inRange =
        ids(polls.list(Fixtures.COUNCIL.get(YORKSHIRE), from, from.plusDays(30)));
    List<PollRow> open = polls.list(Fixtures.COUNCIL.get(YORKSHIRE), from, null);

    assertThat(inRange).containsExactly(first, last).doesNotContain(after, otherCouncil);
    assertThat(ids(open)).containsExactly(first, last, after);
    assertThat(open.get(1).localAuthorities())
        .containsExactlyInAnyOrder(Fixtures.COUNCIL.get(YORKSHIRE), Fixtures.COUNCIL.get(NW));
  }

  @Test
  void theDashboardShowsEachUpcomingPollOncePerRegionAndNoCancelledOnes() {
    LocalDate from = LocalDate.of(2029, 5, 1);
    String both = poll(from, NE, NW);
    String cancelled = poll(from.plusDays(1), true, NE);
    String past = poll(from.minusDays(1), NE);

    List<PollDao.RegionPollRow> rows = polls.upcomingByRegion(from);

    assertThat(rows)
        .filteredOn(r -> r.pollId().equals(both))
        .extracting(PollDao.RegionPollRow::regionCode)
        .containsExactly(NE, NW);
    assertThat(rows).extracting(PollDao.RegionPollRow::pollId).doesNotContain(cancelled, past);
  }
}
