package org.drivesync.core.polls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every native pull page carries the complete list of upcoming polls of the participant's drives'
 * councils.
 */
class PollsInPullTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);

  @BeforeEach
  void importThePage() throws IOException {
    assertThat(
            fixtures
                .admin()
                .post("/api/v1/polls/import", org.drivesync.testing.PollSeeds.everyElectionPage())
                .status())
        .isEqualTo(200);
  }

  private JsonNode pull(Phone phone, String query) {
    Http.Reply reply = app.http().as(phone.token()).get("/api/v1/sync/pull" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void aParticipantGetsThePollsOfTheirDrivesCouncilsOnEveryPage() {
    Phone phone = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    fixtures.drive(Fixtures.NORTH_WEST, phone.participantId()); // Manchester

    JsonNode first = pull(phone, "?limit=1");
    List<String> ids = PollApiTest.texts(first.get("polls"), "id");
    assertThat(ids)
        .contains(
            "local.manchester.2027-05-06",
            "mayor.greater-manchester-ca.2028-05-04",
            "parl.2029-05-03")
        .doesNotContain("local.birmingham.2027-05-06");
    JsonNode local = PollApiTest.byId(first.get("polls"), "local.manchester.2027-05-06");
    assertThat(local.get("deadlines").get("registration").asText())
        .isEqualTo("2027-04-19T23:59:00+01:00");

    JsonNode next = pull(phone, "?limit=1&cursor=" + first.get("cursor").asText());
    assertThat(next.get("polls")).isEqualTo(first.get("polls"));
  }

  @Test
  void pollsFollowTheCurrentAssignmentsOnly() {
    Phone phone = fixtures.participantWithPhone(Fixtures.WEST_MIDLANDS);
    assertThat(pull(phone, "").get("polls")).isEmpty();

    UUID drive = fixtures.drive(Fixtures.WEST_MIDLANDS, phone.participantId()); // Birmingham
    assertThat(PollApiTest.texts(pull(phone, "").get("polls"), "id"))
        .contains("local.birmingham.2027-05-06")
        .doesNotContain("local.manchester.2027-05-06");

    Http.Reply unassigned =
        fixtures.admin().patch("/api/v1/drives/" + drive, Map.of("participantIds", List.of()));
    assertThat(unassigned.status()).as(unassigned.toString()).isEqualTo(200);
    assertThat(pull(phone, "").get("polls")).isEmpty();
  }
}
