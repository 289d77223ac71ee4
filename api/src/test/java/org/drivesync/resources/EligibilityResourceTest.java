package org.drivesync.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Http;
import org.drivesync.testing.PollSeeds;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

class EligibilityResourceTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private final Http http = app.http();

  private static Map<String, Object> request(
      List<String> nationalities, String status, String dob) {
    Map<String, Object> body = new HashMap<>();
    body.put("nationalities", nationalities);
    body.put("immigrationStatus", status);
    body.put("residentInUkSince", "2015-03-01");
    body.put("dateOfBirth", dob);
    body.put("nation", "england");
    body.put("asOf", "2026-01-15");
    body.put("euCitizenshipSince", null);
    return body;
  }

  @Test
  void aCommonwealthCitizenWithLeaveMayRegisterAndVoteInEveryEnglishElection() {
    Fixtures.Phone phone = fixtures.participantWithPhone(Fixtures.WEST_MIDLANDS);
    Http.Reply reply =
        http.as(phone.token())
            .post(
                "/api/v1/eligibility/assessments",
                request(List.of("PK"), "limited_leave", "1990-05-01"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("registration").asText()).isEqualTo("yes");
    assertThat(body.get("basis").asText()).isEqualTo("qualifying_commonwealth");
    assertThat(body.get("elections").get("uk_parliament").asText()).isEqualTo("yes");
    assertThat(body.get("elections").get("scottish_parliament").asText()).isEqualTo("n-a");
    assertThat(body.get("rulesetVersion").asText()).isEqualTo("EA22-2024-05-07");
    assertThat(reply.header("Cache-Control")).contains("no-store");
  }

  @Test
  void anEuCitizenOutsideTheEu5WithoutRetainedRightsHasNoEnglishLocalVoteSinceMay2024() {
    Map<String, Object> body = request(List.of("IT"), "limited_leave", "1990-05-01");
    body.put("residentInUkSince", "2022-01-01");
    JsonNode after = fixtures.admin().post("/api/v1/eligibility/assessments", body).json();
    assertThat(after.get("elections").get("local_england").asText()).isEqualTo("no");
    body.put("asOf", "2024-05-01");
    JsonNode before = fixtures.admin().post("/api/v1/eligibility/assessments", body).json();
    assertThat(before.get("rulesetVersion").asText()).isEqualTo("PRE-EA22-2021-04-05");
    assertThat(before.get("elections").get("local_england").asText()).isEqualTo("yes");
  }

  @Test
  void withACouncilTheAnswerListsThePollsThePersonCanVoteInWithDeadlinesAndLabels() {
    Http admin = fixtures.admin();
    PollSeeds.importPage(fixtures);
    Map<String, Object> body = request(List.of("GB"), "british_citizen", "1990-05-01");
    body.remove("nation");
    body.remove("asOf");
    body.put("localAuthority", "E08000003");

    JsonNode answer = admin.post("/api/v1/eligibility/assessments", body).json();

    assertThat(answer.get("elections").get("referendum_uk").asText()).isEqualTo("not_yet_known");
    assertThat(answer.get("labels").get("election.local_england").asText()).isNotBlank();
    assertThat(answer.get("labels").get("answer.not_yet_known").asText()).contains("Not known yet");
    assertThat(answer.get("labels").get("signpost.gov_uk_register").asText()).isNotBlank();
    JsonNode local = null;
    for (JsonNode p : answer.get("polls")) {
      if (p.get("id").asText().equals("local.manchester.2027-05-06")) {
        local = p;
      }
    }
    assertThat(local).as(answer.get("polls").toString()).isNotNull();
    assertThat(local.get("answer").asText()).isEqualTo("yes");
    assertThat(local.get("deadlines").get("registration").asText())
        .isEqualTo("2027-04-19T23:59:00+01:00");
    assertThat(local.get("inTime").get("registration").asBoolean()).isTrue();
    assertThat(local.get("inTime").get("voterAuthorityCertificate").asBoolean()).isTrue();
  }

  @Test
  void pollsAreJudgedOnPollingDaySoSomeoneWhoTurns18BeforeItIsListed() {
    Http admin = fixtures.admin();
    PollSeeds.importPage(fixtures);
    // 18 on 1 April 2027: too young to vote today, old enough on 6 May 2027.
    Map<String, Object> body = request(List.of("GB"), "british_citizen", "2009-04-01");
    body.remove("asOf");
    body.put("localAuthority", "E08000003");
    JsonNode answer = admin.post("/api/v1/eligibility/assessments", body).json();
    assertThat(answer.get("elections").get("local_england").asText()).isEqualTo("no");
    assertThat(answer.get("polls").toString()).contains("local.manchester.2027-05-06");

    Map<String, Object> american = request(List.of("US"), "limited_leave", "1990-05-01");
    american.remove("asOf");
    american.put("localAuthority", "E08000003");
    JsonNode no = admin.post("/api/v1/eligibility/assessments", american).json();
    assertThat(no.get("registration").asText()).isEqualTo("no");
    assertThat(no.get("polls")).isEmpty();
    assertThat(no.get("signposts").toString()).contains("electoral_registration_officer");
    assertThat(no.get("guidance").toString()).contains("note.residence_based_franchises");
  }

  @Test
  void aCouncilInAnotherNationThanTheOneGivenIsA400() {
    Map<String, Object> body = request(List.of("GB"), "british_citizen", "1990-05-01");
    body.put("nation", "wales");
    body.put("localAuthority", "E08000003");
    Http.Reply reply = fixtures.admin().post("/api/v1/eligibility/assessments", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("details").get("fields").has("nation")).isTrue();
  }

  @Test
  void invalidInputIsA400NamingEachFieldNeverAGuess() {
    Http.Reply reply =
        fixtures
            .admin()
            .post(
                "/api/v1/eligibility/assessments", request(List.of("EL"), "refugee", "2090-01-01"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("validation_failed");
    JsonNode fields = reply.json().get("details").get("fields");
    assertThat(fields.has("nationalities[0]")).isTrue();
    assertThat(fields.has("immigrationStatus")).isTrue();
    assertThat(fields.has("dateOfBirth")).isTrue();
  }

  @Test
  void assessmentsNeedASignedInCallerAndAreNotStored() throws Exception {
    assertThat(
            http.post(
                    "/api/v1/eligibility/assessments",
                    request(List.of("PK"), "limited_leave", "1990-05-01"))
                .status())
        .isEqualTo(401);
    long before = auditCount();
    fixtures
        .admin()
        .post(
            "/api/v1/eligibility/assessments",
            request(List.of("PK"), "limited_leave", "1990-05-01"));
    assertThat(auditCount()).isEqualTo(before);
  }

  @Test
  void rulesetsAreServedForOfflineUseWithAnEtagAndRevalidation() {
    Http.Reply current = http.get("/api/v1/eligibility/rulesets/current");
    assertThat(current.status()).isEqualTo(200);
    String etag = current.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(current.header("Cache-Control")).contains("max-age");
    assertThat(current.json().get("version").asText()).isEqualTo("EA22-2024-05-07");
    Http.Reply unchanged =
        http.header("If-None-Match", etag).get("/api/v1/eligibility/rulesets/current");
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(http.get("/api/v1/eligibility/rulesets/PRE-EA22-2021-04-05").status())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/eligibility/rulesets/NOPE").status()).isEqualTo(404);
  }

  private long auditCount() throws Exception {
    try (var c = app.database().ownerDataSource().getConnection();
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM audit_events")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
