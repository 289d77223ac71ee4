package org.drivesync.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint × every role, on objects in the caller's own scope and in a foreign one. */
class AccessMatrixTest {
  private static Fixtures fixtures;
  private static Http http;
  private static Person organiser;
  private static Person staff;
  private static Person admin;
  private static Phone phone;
  private static UUID participant;
  private static UUID drive;
  private static UUID foreignParticipant;
  private static UUID foreignDrive;
  private static Phone foreignPhone;
  private static Person passwordTarget;

  @BeforeAll
  static void seed() {
    fixtures = Fixtures.of(TestApp.get());
    http = fixtures.http();
    organiser = fixtures.organiser(Fixtures.NORTH_EAST);
    staff = fixtures.staff();
    admin = fixtures.adminPerson();
    phone = fixtures.participantWithPhone(Fixtures.NORTH_EAST);
    participant = fixtures.participant(Fixtures.NORTH_EAST);
    drive = fixtures.drive(Fixtures.NORTH_EAST, phone.participantId(), participant);
    foreignPhone = fixtures.participantWithPhone(Fixtures.WEST_MIDLANDS);
    foreignParticipant = foreignPhone.participantId();
    foreignDrive = fixtures.drive(Fixtures.WEST_MIDLANDS, foreignParticipant);
    // Setting a password ends that person's sessions: a person of its own, not a caller's.
    passwordTarget = fixtures.staff();
  }

  private record Row(
      String method,
      String path,
      Object body,
      int anon,
      int participant,
      int organiser,
      int staff,
      int admin) {}

  private static List<Row> ownScope() {
    Map<String, Object> newParticipant =
        Map.of(
            "name",
            "New",
            "role",
            "participant",
            "regions",
            List.of(Fixtures.NORTH_EAST),
            "trainedOn",
            "2026-01-02");
    Map<String, Object> newDrive =
        Map.of(
            "name",
            "D",
            "localAuthority",
            Fixtures.COUNCIL.get(Fixtures.NORTH_EAST),
            "venueType",
            "market_or_street",
            "startsOn",
            "2026-02-01",
            "endsOn",
            "2026-02-02");
    return List.of(
        new Row("GET", "/api/v1/users", null, 401, 403, 200, 200, 200),
        new Row("POST", "/api/v1/users", newParticipant, 401, 403, 201, 403, 201),
        new Row("GET", "/api/v1/users/" + participant, null, 401, 403, 200, 200, 200),
        new Row(
            "PATCH",
            "/api/v1/users/" + participant,
            Map.of("cohort", "C"),
            401,
            403,
            200,
            403,
            200),
        new Row(
            "POST", "/api/v1/users/" + participant + "/unlock", Map.of(), 401, 403, 403, 403, 204),
        new Row(
            "POST",
            "/api/v1/users/" + participant + "/enrolments",
            Map.of(),
            401,
            403,
            201,
            403,
            201),
        new Row(
            "POST",
            "/api/v1/users/" + passwordTarget.id() + "/password-reset",
            Map.of(),
            401,
            403,
            403,
            403,
            200),
        new Row(
            "PUT",
            "/api/v1/users/" + passwordTarget.id() + "/password",
            Map.of("password", "set by the matrix 1"),
            401,
            403,
            403,
            403,
            204),
        new Row(
            "PUT",
            "/api/v1/sessions/current/password",
            Map.of("currentPassword", "not the password", "newPassword", "a new password 12"),
            401,
            403,
            400,
            400,
            400),
        new Row(
            "POST",
            "/api/v1/password-resets",
            Map.of("token", "dsk_not-a-reset-token", "newPassword", "a new password 12"),
            400,
            400,
            400,
            400,
            400),
        new Row("GET", "/api/v1/devices", null, 401, 200, 200, 200, 200),
        new Row("GET", "/api/v1/devices?stale=7d", null, 401, 200, 200, 200, 200),
        new Row("POST", "/api/v1/drives", newDrive, 401, 403, 201, 403, 201),
        new Row("GET", "/api/v1/drives", null, 401, 200, 200, 200, 200),
        new Row("GET", "/api/v1/drives/" + drive, null, 401, 200, 200, 200, 200),
        new Row(
            "PATCH", "/api/v1/drives/" + drive, Map.of("name", "Renamed"), 401, 403, 200, 403, 200),
        new Row(
            "GET", "/api/v1/drives/" + drive + "/devices-pending", null, 401, 403, 200, 200, 200),
        new Row("GET", "/api/v1/audit", null, 401, 403, 403, 200, 403),
        new Row("GET", "/api/v1/audit/verify", null, 401, 403, 403, 200, 403),
        new Row(
            "POST",
            "/api/v1/audit/verify",
            Map.of("checkpoints", List.of()),
            401,
            403,
            403,
            200,
            403),
        new Row("GET", "/api/v1/audit/checkpoints", null, 401, 403, 403, 200, 403),
        new Row("POST", "/api/v1/audit/checkpoints", Map.of(), 401, 403, 403, 201, 403),
        new Row("GET", "/api/v1/metrics/summary", null, 401, 403, 200, 200, 200),
        new Row(
            "GET", "/api/v1/metrics/summary?groupBy=participant", null, 401, 403, 403, 200, 200),
        new Row("GET", "/api/v1/metrics/export.csv", null, 401, 403, 403, 200, 403),
        new Row("GET", "/api/v1/metrics/flagged-records", null, 401, 403, 200, 200, 200),
        new Row("GET", "/api/v1/audit/signals", null, 401, 403, 403, 200, 403),
        new Row(
            "GET",
            "/api/v1/audit/records/" + UUID.randomUUID() + "/history",
            null,
            401,
            403,
            403,
            404,
            403),
        new Row("GET", "/api/v1/follow-ups?reason=matrix", null, 401, 403, 403, 200, 403),
        new Row(
            "POST",
            "/api/v1/follow-ups/" + UUID.randomUUID() + "/done",
            Map.of(),
            401,
            403,
            403,
            404,
            403),
        new Row(
            "POST",
            "/api/v1/follow-ups/" + UUID.randomUUID() + "/withdrawal",
            Map.of(),
            401,
            403,
            403,
            404,
            403),
        new Row(
            "POST",
            "/api/v1/privacy/erasure",
            Map.of("recordId", UUID.randomUUID().toString()),
            401,
            403,
            403,
            200,
            403),
        new Row(
            "POST",
            "/api/v1/privacy/access-requests",
            Map.of("email", "nobody@example.org"),
            401,
            403,
            403,
            200,
            403),
        new Row("GET", "/api/v1/regions", null, 200, 200, 200, 200, 200),
        new Row("GET", "/api/v1/sync/pull", null, 401, 200, 403, 403, 403),
        new Row(
            "POST",
            "/api/v1/sync/push",
            Map.of(
                "deviceId",
                phone.deviceId().toString(),
                "protocolVersion",
                1,
                "mutations",
                List.of()),
            401,
            200,
            403,
            403,
            403),
        new Row("GET", "/api/v1/records/" + UUID.randomUUID(), null, 401, 403, 404, 404, 404),
        new Row(
            "GET",
            "/api/v1/records/" + UUID.randomUUID() + "/history",
            null,
            401,
            403,
            404,
            404,
            404),
        new Row(
            "PUT",
            "/api/v1/records/" + UUID.randomUUID(),
            Map.of("baseVersion", 1, "record", Map.of()),
            401,
            403,
            404,
            403,
            404),
        new Row("GET", "/api/v1/conflicts", null, 401, 403, 200, 200, 200),
        new Row(
            "POST",
            "/api/v1/conflicts/" + UUID.randomUUID() + "/resolve",
            Map.of("choice", "keep_current"),
            401,
            403,
            404,
            403,
            404),
        new Row(
            "POST",
            "/api/v1/eligibility/assessments",
            Map.of(
                "nationalities",
                List.of("IE"),
                "immigrationStatus",
                "no_leave_required",
                "dateOfBirth",
                "1980-01-01",
                "nation",
                "england"),
            401,
            200,
            200,
            200,
            200),
        new Row("GET", "/api/v1/eligibility/rulesets/current", null, 200, 200, 200, 200, 200),
        new Row(
            "GET",
            "/api/v1/eligibility/rulesets/current/translations/ur",
            null,
            200,
            200,
            200,
            200,
            200),
        new Row("GET", "/api/v1/translations/pl/current", null, 401, 403, 403, 200, 403),
        new Row(
            "POST",
            "/api/v1/translations/pl/current/reviews",
            Map.of("messages", Map.of("registration.yes", "not the text")),
            401,
            403,
            403,
            409,
            403),
        new Row("GET", "/api/v1/polls", null, 401, 200, 200, 200, 200),
        new Row("GET", "/api/v1/polls/next-deadlines", null, 401, 200, 200, 200, 200),
        new Row(
            "GET",
            "/api/v1/deadlines?pollDate=2027-05-06&nation=england",
            null,
            401,
            200,
            200,
            200,
            200),
        new Row(
            "POST",
            "/api/v1/polls/import",
            Map.of("count", 0, "results", List.of()),
            401,
            403,
            403,
            200,
            200),
        new Row(
            "POST",
            "/api/v1/polls",
            Map.of(
                "id",
                "x.matrix",
                "electionCode",
                "local_england",
                "label",
                "Matrix",
                "pollDate",
                "2027-05-06",
                "localAuthorities",
                List.of("E08999999")),
            401,
            403,
            403,
            400,
            400),
        new Row(
            "PATCH",
            "/api/v1/polls/no.such.poll",
            Map.of("cancelled", true),
            401,
            403,
            403,
            404,
            404),
        new Row("DELETE", "/api/v1/polls/no.such.poll", null, 401, 403, 403, 404, 404),
        new Row(
            "GET",
            "/api/v1/users/" + participant + "/enrolments/" + UUID.randomUUID() + "/qr.png",
            null,
            401,
            403,
            404,
            403,
            404));
  }

  @Test
  void everyEndpointAnswersEachRoleAsTheMatrixSays() {
    List<String> mismatches = new ArrayList<>();
    for (Row row : ownScope()) {
      check(mismatches, row, "anonymous", http, row.anon());
      check(mismatches, row, "participant", http.as(phone.token()), row.participant());
      check(mismatches, row, "organiser", http.as(organiser.token()), row.organiser());
      check(mismatches, row, "staff", http.as(staff.token()), row.staff());
      check(mismatches, row, "admin", http.as(admin.token()), row.admin());
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void onlyDeviceTokensRotateAndEveryonesOwnSessionEnds() {
    assertThat(http.post("/api/v1/devices/current/token", Map.of()).status()).isEqualTo(401);
    assertThat(http.as(organiser.token()).post("/api/v1/devices/current/token", Map.of()).status())
        .isEqualTo(403);
    assertThat(http.as(phone.token()).delete("/api/v1/sessions/current").status()).isEqualTo(403);
    assertThat(http.delete("/api/v1/sessions/current").status()).isEqualTo(401);
    for (Person person :
        List.of(
            fixtures.organiser(Fixtures.NORTH_EAST), fixtures.staff(), fixtures.adminPerson())) {
      assertThat(http.as(person.token()).delete("/api/v1/sessions/current").status())
          .isEqualTo(204);
    }
    Phone spare = fixtures.participantWithPhone(Fixtures.NORTH_EAST);
    assertThat(http.as(spare.token()).post("/api/v1/devices/current/token", Map.of()).status())
        .isEqualTo(200);
    assertThat(http.as(staff.token()).delete("/api/v1/devices/" + spare.deviceId()).status())
        .isEqualTo(403);
    assertThat(http.as(organiser.token()).delete("/api/v1/devices/" + spare.deviceId()).status())
        .isEqualTo(204);
  }

  @Test
  void objectsOutsideTheCallersScopeAreNotFoundExactlyAsIfAbsent() {
    Http org = http.as(organiser.token());
    Http device = http.as(phone.token());
    List<String> mismatches = new ArrayList<>();
    List<Object[]> cases =
        List.of(
            new Object[] {org, "GET", "/api/v1/users/" + foreignParticipant, null},
            new Object[] {
              org, "PATCH", "/api/v1/users/" + foreignParticipant, Map.of("cohort", "x")
            },
            new Object[] {
              org, "POST", "/api/v1/users/" + foreignParticipant + "/enrolments", Map.of()
            },
            new Object[] {org, "GET", "/api/v1/users/" + staff.id(), null},
            new Object[] {org, "GET", "/api/v1/drives/" + foreignDrive, null},
            new Object[] {org, "PATCH", "/api/v1/drives/" + foreignDrive, Map.of("name", "x")},
            new Object[] {org, "GET", "/api/v1/drives/" + foreignDrive + "/devices-pending", null},
            new Object[] {org, "DELETE", "/api/v1/devices/" + foreignPhone.deviceId(), null},
            new Object[] {org, "GET", "/api/v1/metrics/summary?driveId=" + foreignDrive, null},
            new Object[] {device, "GET", "/api/v1/drives/" + foreignDrive, null},
            new Object[] {device, "DELETE", "/api/v1/devices/" + foreignPhone.deviceId(), null});
    for (Object[] c : cases) {
      Http.Reply reply = send((Http) c[0], (String) c[1], (String) c[2], c[3]);
      Http.Reply absent =
          send(
              (Http) c[0],
              (String) c[1],
              ((String) c[2])
                  .replace(foreignParticipant.toString(), UUID.randomUUID().toString())
                  .replace(foreignDrive.toString(), UUID.randomUUID().toString())
                  .replace(foreignPhone.deviceId().toString(), UUID.randomUUID().toString())
                  .replace(staff.id().toString(), UUID.randomUUID().toString()),
              c[3]);
      if (reply.status() != 404 || !reply.text().equals(absent.text())) {
        mismatches.add(c[1] + " " + c[2] + " -> " + reply + " vs absent " + absent);
      }
    }
    assertThat(mismatches).isEmpty();
    // And the foreign objects are untouched.
    assertThat(
            http.as(admin.token())
                .get("/api/v1/drives/" + foreignDrive)
                .json()
                .get("name")
                .asText())
        .isNotEqualTo("x");
  }

  @Test
  void listsAreScoped() {
    String orgUsers = http.as(organiser.token()).get("/api/v1/users").text();
    assertThat(orgUsers)
        .contains(participant.toString())
        .doesNotContain(foreignParticipant.toString());
    String orgDrives = http.as(organiser.token()).get("/api/v1/drives").text();
    assertThat(orgDrives).contains(drive.toString()).doesNotContain(foreignDrive.toString());
    String phoneDrives = http.as(phone.token()).get("/api/v1/drives").text();
    assertThat(phoneDrives).contains(drive.toString()).doesNotContain(foreignDrive.toString());
    String phoneDevices = http.as(phone.token()).get("/api/v1/devices").text();
    assertThat(phoneDevices)
        .contains(phone.deviceId().toString())
        .doesNotContain(foreignPhone.deviceId().toString());
    String staffDrives = http.as(staff.token()).get("/api/v1/drives").text();
    assertThat(staffDrives).contains(drive.toString()).contains(foreignDrive.toString());
  }

  @Test
  void organisersCannotCreateOrganisersOrPlaceParticipantsOutsideTheirRegions() {
    Http org = http.as(organiser.token());
    assertThat(
            org.post(
                    "/api/v1/users",
                    Map.of(
                        "name",
                        "X",
                        "role",
                        "organiser",
                        "email",
                        "x-" + UUID.randomUUID() + "@example.org",
                        "password",
                        "long enough password",
                        "regions",
                        List.of(Fixtures.NORTH_EAST)))
                .status())
        .isEqualTo(403);
    assertThat(
            org.post(
                    "/api/v1/users",
                    Map.of(
                        "name",
                        "X",
                        "role",
                        "participant",
                        "regions",
                        List.of(Fixtures.WEST_MIDLANDS)))
                .status())
        .isEqualTo(403);
    assertThat(
            org.post(
                    "/api/v1/drives",
                    Map.of(
                        "name",
                        "D",
                        "localAuthority",
                        Fixtures.COUNCIL.get(Fixtures.WEST_MIDLANDS),
                        "venueType",
                        "online",
                        "startsOn",
                        "2026-02-01",
                        "endsOn",
                        "2026-02-02"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void serverOwnedFieldsInABodyAreRefused() {
    Http adminHttp = http.as(admin.token());
    Http.Reply withId =
        adminHttp.post(
            "/api/v1/users",
            Map.of(
                "id",
                UUID.randomUUID().toString(),
                "name",
                "X",
                "role",
                "participant",
                "regions",
                List.of(Fixtures.NORTH_EAST)));
    assertThat(withId.status()).isEqualTo(400);
    assertThat(withId.code()).isEqualTo("unknown_property");
    Http.Reply withRegion =
        adminHttp.post(
            "/api/v1/drives",
            Map.of(
                "name",
                "D",
                "region",
                Fixtures.NORTH_WEST,
                "localAuthority",
                Fixtures.COUNCIL.get(Fixtures.NORTH_EAST),
                "venueType",
                "online",
                "startsOn",
                "2026-02-01",
                "endsOn",
                "2026-02-02"));
    assertThat(withRegion.status()).isEqualTo(400);
    Http.Reply withCreatedBy =
        adminHttp.patch("/api/v1/drives/" + drive, Map.of("createdBy", admin.id().toString()));
    assertThat(withCreatedBy.status()).isEqualTo(400);
    Http.Reply withRole = adminHttp.patch("/api/v1/users/" + participant, Map.of("role", "admin"));
    assertThat(withRole.status()).isEqualTo(400);
  }

  @Test
  void driveRegionIsDerivedFromTheCouncil() {
    Http.Reply created =
        http.as(organiser.token())
            .post(
                "/api/v1/drives",
                Map.of(
                    "name",
                    "Market",
                    "localAuthority",
                    "E06000047",
                    "venueType",
                    "market_or_street",
                    "startsOn",
                    "2026-04-01",
                    "endsOn",
                    "2026-04-01"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("region").asText()).isEqualTo(Fixtures.NORTH_EAST);
    assertThat(created.json().get("status").asText()).isEqualTo("planned");
  }

  @Test
  void driveStatusNeverGoesBackwards() {
    UUID id = fixtures.drive(Fixtures.NORTH_EAST);
    Http org = http.as(organiser.token());
    assertThat(org.patch("/api/v1/drives/" + id, Map.of("status", "active")).status())
        .isEqualTo(200);
    assertThat(org.patch("/api/v1/drives/" + id, Map.of("status", "closed")).status())
        .isEqualTo(200);
    Http.Reply back = org.patch("/api/v1/drives/" + id, Map.of("status", "active"));
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.code()).isEqualTo("invalid_transition");
  }

  private static void check(
      List<String> mismatches, Row row, String role, Http client, int expected) {
    Http.Reply reply = send(client, row.method(), row.path(), row.body());
    if (reply.status() != expected) {
      mismatches.add(
          role
              + " "
              + row.method()
              + " "
              + row.path()
              + ": expected "
              + expected
              + " got "
              + reply);
    }
  }

  private static Http.Reply send(Http client, String method, String path, Object body) {
    return switch (method) {
      case "GET" -> client.get(path);
      case "DELETE" -> client.delete(path);
      default -> client.sendJson(method, path, body);
    };
  }
}
