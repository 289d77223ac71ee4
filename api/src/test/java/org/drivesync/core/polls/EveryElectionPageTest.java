package org.drivesync.core.polls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.drivesync.db.RegionDao.CouncilRow;
import org.drivesync.testing.Http;
import org.drivesync.testing.PollSeeds;
import org.junit.jupiter.api.Test;

/**
 * The EveryElection mapping on its own: folding, councils by code or exact name only, odd entries
 * skipped.
 */
class EveryElectionPageTest {
  private static final List<CouncilRow> COUNCILS =
      List.of(
          new CouncilRow(
              "E12000002",
              "North West",
              "E08000003",
              "Manchester",
              "Metropolitan district",
              null,
              "Greater Manchester CA (mayor)"),
          new CouncilRow(
              "E12000002",
              "North West",
              "E08000006",
              "Salford",
              "Metropolitan district",
              null,
              "Greater Manchester CA (mayor)"),
          new CouncilRow(
              "E12000005",
              "West Midlands",
              "E08000025",
              "Birmingham",
              "Metropolitan district",
              null,
              "West Midlands CA (mayor; constituent members only)"));

  @Test
  void theRealisticPageGivesOnePollPerCouncilElection() {
    EveryElectionPage page = EveryElectionPage.read(PollSeeds.everyElectionPage(), COUNCILS);

    assertThat(page.polls())
        .extracting(PollDraft::id)
        .containsExactly(
            "local.manchester.2027-05-06",
            "local.birmingham.2027-05-06",
            "mayor.greater-manchester-ca.2028-05-04",
            "parl.2029-05-03");
    PollDraft mayor = page.polls().get(2);
    assertThat(mayor.electionCode()).isEqualTo("mayoral");
    assertThat(mayor.councils()).containsExactly("E08000003", "E08000006");
    assertThat(page.polls().get(3).councils()).hasSize(3);
    assertThat(page.skipped())
        .extracting(s -> s.electionId())
        .contains(
            "local.cardiff.2027-05-06",
            "local.leeds.headingley-hyde-park.by.2027-02-11",
            "pcc.west-midlands.2028-05-04",
            "nia.2027-05-06");
  }

  @Test
  void aGssCodeInTheDivisionIdentifiesTheCouncilAndBallotsFoldIntoTheirGroup() throws Exception {
    JsonNode page =
        Http.JSON.readTree(
            """
        {"count": 2, "next": null, "previous": null, "results": [
          {"election_id": "local.salford.irwell.2027-05-06", "poll_open_date": "2027-05-06",
           "election_type": {"election_type": "local"}, "group": "local.salford.2027-05-06", "group_type": null,
           "organisation": {"official_identifier": "SLF", "common_name": "Somewhere",
                            "election_name": "Salford local election"},
           "division": {"official_identifier": "gss:E08000006"}, "cancelled": true},
          {"election_id": "local.salford.kersal.2027-05-06", "poll_open_date": "2027-05-06",
           "election_type": {"election_type": "local"}, "group": "local.salford.2027-05-06", "group_type": null,
           "organisation": {"official_identifier": "gss:E08000006"}, "cancelled": false}]}
        """);
    EveryElectionPage read = EveryElectionPage.read(page, COUNCILS);
    assertThat(read.polls())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo("local.salford.2027-05-06");
              assertThat(p.councils()).containsExactly("E08000006");
              assertThat(p.label()).isEqualTo("Salford local election");
              assertThat(p.cancelled()).as("one of two ballots cancelled").isFalse();
            });
  }

  @Test
  void oddEntriesAreSkippedNeverThrown() throws Exception {
    JsonNode page =
        Http.JSON.readTree(
            """
        {"results": [42, "x", {}, {"election_id": "local.manchester.2027-05-06", "poll_open_date": 7},
          {"election_id": "local.x.2027-05-06", "poll_open_date": "2027-05-06", "group_type": "organisation",
           "election_type": {"election_type": "local"}, "organisation": "Manchester"}]}
        """);
    EveryElectionPage read = EveryElectionPage.read(page, COUNCILS);
    assertThat(read.polls()).isEmpty();
    assertThat(read.skipped()).hasSize(5);
    assertThat(EveryElectionPage.looksLikeAPage(Http.JSON.readTree("{\"results\": {}}"))).isFalse();
  }
}
