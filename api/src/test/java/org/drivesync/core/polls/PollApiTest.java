package org.drivesync.core.polls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Audit;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Http;
import org.drivesync.testing.PollSeeds;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Polls: the EveryElection import, hand-entered polls, reading them and the deadline calculator,
 * over HTTP.
 */
class PollApiTest {
  static final String MANCHESTER = "E08000003";
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private final Audit audit = new Audit(app.http().as(fixtures.staff().token()));

  @BeforeEach
  void importThePage() throws IOException {
    Http.Reply reply = fixtures.admin().post("/api/v1/polls/import", PollSeeds.everyElectionPage());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  @Test
  void importingTheSamePageAgainChangesNothingAndReportsWhatItSkipped() throws IOException {
    JsonNode again =
        app.http()
            .as(fixtures.staff().token())
            .post("/api/v1/polls/import", PollSeeds.everyElectionPage())
            .json();

    assertThat(again.get("created")).isEmpty();
    assertThat(again.get("updated")).isEmpty();
    assertThat(texts(again.get("unchanged")))
        .containsExactlyInAnyOrder(
            "local.manchester.2027-05-06",
            "local.birmingham.2027-05-06",
            "local.leeds.2027-02-11",
            "mayor.greater-manchester-ca.2028-05-04",
            "parl.2029-05-03");
    Map<String, String> skipped = new HashMap<>();
    again
        .get("skipped")
        .forEach(s -> skipped.put(s.get("electionId").asText(), s.get("reason").asText()));
    assertThat(skipped.get("local.cardiff.2027-05-06")).contains("unknown council");
    assertThat(skipped.get("pcc.west-midlands.2028-05-04")).contains("unknown council");
    assertThat(skipped.get("nia.2027-05-06")).contains("not one drivesync models");
    assertThat(skipped).containsKey("local.2027-05-06");
    assertThat(again.get("attribution").asText()).contains("Democracy Club");
    assertThat(audit.last("poll.import").get("details").get("unchanged").asInt()).isEqualTo(5);
  }

  @Test
  void aCouncilsPollsComeWithTheirDeadlinesForAnySignedInRole() {
    Fixtures.Phone phone = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    Http.Reply reply =
        app.http().as(phone.token()).get("/api/v1/polls?localAuthority=" + MANCHESTER);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);

    JsonNode local = byId(reply.json().get("polls"), "local.manchester.2027-05-06");
    assertThat(local.get("electionCode").asText()).isEqualTo("local_england");
    assertThat(local.get("label").asText()).isEqualTo("Manchester local election");
    assertThat(local.get("pollDate").asText()).isEqualTo("2027-05-06");
    assertThat(texts(local.get("localAuthorities"))).containsExactly(MANCHESTER);
    assertThat(local.get("cancelled").asBoolean())
        .isFalse(); // one uncontested ward does not cancel the poll
    // 12 working days back from Thursday 6 May 2027 skip the early May bank holiday (Monday 3 May).
    assertThat(local.get("deadlines").get("registration").asText())
        .isEqualTo("2027-04-19T23:59:00+01:00");
    assertThat(local.get("deadlines").get("postalVote").asText())
        .isEqualTo("2027-04-20T17:00:00+01:00");
    assertThat(local.get("deadlines").get("proxy").asText()).isEqualTo("2027-04-27T17:00:00+01:00");
    assertThat(local.get("deadlines").get("voterAuthorityCertificate").asText())
        .isEqualTo("2027-04-27T17:00:00+01:00");
    JsonNode mayor = byId(reply.json().get("polls"), "mayor.greater-manchester-ca.2028-05-04");
    assertThat(mayor.get("electionCode").asText()).isEqualTo("mayoral");
    assertThat(mayor.get("localAuthorities")).hasSize(10);
    assertThat(texts(reply.json().get("polls"), "id"))
        .contains("parl.2029-05-03")
        .doesNotContain("local.birmingham.2027-05-06");
    assertThat(reply.json().get("attribution").toString()).contains("Democracy Club");
  }

  @Test
  void aCancelledByElectionStaysListedAsCancelled() {
    JsonNode polls =
        fixtures.admin().get("/api/v1/polls?localAuthority=E08000035&to=2027-03-01").json();
    JsonNode leeds = byId(polls.get("polls"), "local.leeds.2027-02-11");
    assertThat(leeds.get("cancelled").asBoolean()).isTrue();
    assertThat(texts(polls.get("polls"), "id")).doesNotContain("parl.2029-05-03");
  }

  @Test
  void aPollTypedInByHandIsCreatedChangedAndDeletedWithAnAuditEventEach() {
    Http staff = app.http().as(fixtures.staff().token());
    String id =
        "local.manchester.by." + UUID.randomUUID().toString().substring(0, 8) + ".2027-03-04";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("electionCode", "local_england");
    body.put("label", "Manchester by-election");
    body.put("pollDate", "2027-03-04");
    body.put("localAuthorities", List.of(MANCHESTER));

    Http.Reply created = staff.post("/api/v1/polls", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("deadlines").get("registration").asText())
        .isEqualTo("2027-02-16T23:59:00+00:00");
    assertThat(audit.last("poll.create").get("entityId").asText()).isEqualTo(id);
    assertThat(staff.post("/api/v1/polls", body).code()).isEqualTo("already_exists");

    Http.Reply changed = staff.patch("/api/v1/polls/" + id, Map.of("cancelled", true));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("cancelled").asBoolean()).isTrue();
    assertThat(audit.last("poll.update").get("entityId").asText()).isEqualTo(id);

    assertThat(staff.delete("/api/v1/polls/" + id).status()).isEqualTo(204);
    assertThat(audit.last("poll.delete").get("entityId").asText()).isEqualTo(id);
    assertThat(staff.delete("/api/v1/polls/" + id).status()).isEqualTo(404);
  }

  @Test
  void badPollsAreRefusedWithStableCodes() {
    Http admin = fixtures.admin();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", "local.nowhere.2027-05-06");
    body.put("electionCode", "local_england");
    body.put("label", "Nowhere");
    body.put("pollDate", "2027-05-06");
    body.put("localAuthorities", List.of("E08999999"));
    Http.Reply unknownCouncil = admin.post("/api/v1/polls", body);
    assertThat(unknownCouncil.status()).isEqualTo(400);
    assertThat(unknownCouncil.code()).isEqualTo("validation_failed");
    assertThat(unknownCouncil.toString()).contains("E08999999");

    body.put("localAuthorities", List.of(MANCHESTER));
    body.put("electionCode", "eurovision");
    assertThat(admin.post("/api/v1/polls", body).code()).isEqualTo("validation_failed");

    body.put("electionCode", "local_england");
    body.put("pollDate", "2031-05-01");
    Http.Reply tooLate = admin.post("/api/v1/polls", body);
    assertThat(tooLate.status()).isEqualTo(400);
    assertThat(tooLate.code()).isEqualTo("outside_calendar");

    Http.Reply imported =
        admin.patch("/api/v1/polls/local.manchester.2027-05-06", Map.of("cancelled", true));
    assertThat(imported.status()).isEqualTo(409);
    assertThat(imported.code()).isEqualTo("poll_imported");
    assertThat(admin.delete("/api/v1/polls/local.manchester.2027-05-06").code())
        .isEqualTo("poll_imported");

    Http.Reply notAPage = admin.post("/api/v1/polls/import", Map.of("elections", List.of()));
    assertThat(notAPage.status()).isEqualTo(400);
    assertThat(notAPage.code()).isEqualTo("not_everyelection_page");
  }

  @Test
  void onlyStaffAndAdminsChangePolls() {
    Fixtures.Person organiser = fixtures.organiser(Fixtures.NORTH_WEST);
    Http asOrganiser = app.http().as(organiser.token());
    assertThat(asOrganiser.post("/api/v1/polls/import", Map.of("results", List.of())).status())
        .isEqualTo(403);
    assertThat(asOrganiser.delete("/api/v1/polls/local.manchester.2027-05-06").status())
        .isEqualTo(403);
    assertThat(app.http().get("/api/v1/polls").status()).isEqualTo(401);
  }

  @Test
  void theCalculatorAloneAnswersTheWorkedCases() {
    Http admin = fixtures.admin();
    JsonNode general = admin.get("/api/v1/deadlines?pollDate=2024-07-04&nation=england").json();
    assertThat(general.get("electionCode").asText()).isEqualTo("uk_parliament");
    assertThat(general.get("deadlines").get("registration").asText())
        .isEqualTo("2024-06-18T23:59:00+01:00");
    assertThat(general.get("deadlines").get("postalVote").asText())
        .isEqualTo("2024-06-19T17:00:00+01:00");
    assertThat(general.get("deadlines").get("voterAuthorityCertificate").asText())
        .isEqualTo("2024-06-26T17:00:00+01:00");
    assertThat(general.get("bankHolidays").get("source").asText())
        .isEqualTo("https://www.gov.uk/bank-holidays.json");

    JsonNode local =
        admin
            .get("/api/v1/deadlines?pollDate=2024-05-02&nation=england&electionCode=local_england")
            .json()
            .get("deadlines");
    assertThat(local.get("registration").asText()).isEqualTo("2024-04-16T23:59:00+01:00");
    assertThat(local.get("postalVote").asText()).isEqualTo("2024-04-17T17:00:00+01:00");
    assertThat(local.get("voterAuthorityCertificate").asText())
        .isEqualTo("2024-04-24T17:00:00+01:00");

    JsonNode senedd =
        admin.get("/api/v1/deadlines?pollDate=2026-05-07&nation=wales&electionCode=senedd").json();
    assertThat(senedd.get("deadlines").get("voterAuthorityCertificate").isNull()).isTrue();

    assertThat(admin.get("/api/v1/deadlines?nation=england").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/deadlines?pollDate=2027-05-06&nation=mars").status())
        .isEqualTo(400);
    assertThat(
            admin.get("/api/v1/deadlines?pollDate=2027-05-06&nation=england&electionCode=x").code())
        .isEqualTo("validation_failed");
    assertThat(admin.get("/api/v1/deadlines?pollDate=2035-05-03&nation=england").code())
        .isEqualTo("outside_calendar");
  }

  @Test
  void theDashboardTileHasEachRegionsNextDeadlineAndWorkingDaysLeft() {
    JsonNode regions = fixtures.admin().get("/api/v1/polls/next-deadlines").json().get("regions");
    JsonNode northWest = null;
    for (JsonNode r : regions) {
      if (r.get("regionCode").asText().equals(Fixtures.NORTH_WEST)) {
        northWest = r;
      }
    }
    assertThat(northWest).as(regions.toString()).isNotNull();
    assertThat(northWest.get("regionName").asText()).isEqualTo("North West");
    assertThat(northWest.get("at").asText()).isNotBlank();
    assertThat(northWest.get("workingDaysLeft").asLong()).isPositive();
  }

  static JsonNode byId(JsonNode polls, String id) {
    for (JsonNode p : polls) {
      if (p.get("id").asText().equals(id)) {
        return p;
      }
    }
    throw new AssertionError(id + " not in " + polls);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }
}
