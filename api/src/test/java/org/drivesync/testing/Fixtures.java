package org.drivesync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates people, drives and devices through the real API, as an organiser would. */
public final class Fixtures {
  /** A person with a bearer token (a session, or a device token for participants). */
  public record Person(UUID id, String token) {}

  /** An enrolled device of a participant. */
  public record Phone(UUID participantId, UUID deviceId, String token) {}

  public static final String NORTH_EAST = "E12000001";
  public static final String NORTH_WEST = "E12000002";
  public static final String YORKSHIRE = "E12000003";
  public static final String EAST_MIDLANDS = "E12000004";
  public static final String WEST_MIDLANDS = "E12000005";

  /** A council in each region: Newcastle, Manchester, Leeds, Leicester, Birmingham. */
  public static final Map<String, String> COUNCIL =
      Map.of(
          NORTH_EAST,
          "E08000021",
          NORTH_WEST,
          "E08000003",
          YORKSHIRE,
          "E08000035",
          EAST_MIDLANDS,
          "E06000016",
          WEST_MIDLANDS,
          "E08000025");

  private final Http http;

  public Fixtures(Http http) {
    this.http = http;
  }

  public static Fixtures of(TestApp app) {
    return new Fixtures(app.http());
  }

  public Http http() {
    return http;
  }

  public Http admin() {
    return http.as(TestApp.ADMIN_TOKEN);
  }

  public Person organiser(String... regions) {
    return signedIn("organiser", List.of(regions));
  }

  public Person staff() {
    return signedIn("staff", List.of());
  }

  public Person adminPerson() {
    return signedIn("admin", List.of());
  }

  private Person signedIn(String role, List<String> regions) {
    String email = role + "-" + UUID.randomUUID() + "@example.org";
    String password = "correct horse battery " + UUID.randomUUID();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Test " + role);
    body.put("email", email);
    body.put("role", role);
    body.put("password", password);
    if (!regions.isEmpty()) {
      body.put("regions", regions);
    }
    Http.Reply created = admin().post("/api/v1/users", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Http.Reply session =
        http.post("/api/v1/sessions", Map.of("email", email, "password", password));
    assertThat(session.status()).as(session.toString()).isEqualTo(201);
    return new Person(
        UUID.fromString(created.json().get("id").asText()), session.json().get("token").asText());
  }

  public UUID participant(String region) {
    Http.Reply created =
        admin()
            .post(
                "/api/v1/users",
                Map.of(
                    "name",
                    "Volunteer",
                    "role",
                    "participant",
                    "regions",
                    List.of(region),
                    "cohort",
                    "MPower 2026",
                    "trainedOn",
                    "2026-01-10"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return UUID.fromString(created.json().get("id").asText());
  }

  public UUID drive(String region, UUID... participants) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Drive " + UUID.randomUUID().toString().substring(0, 6));
    body.put("localAuthority", COUNCIL.get(region));
    body.put("venueType", "community_centre");
    body.put("startsOn", "2026-01-01");
    body.put("endsOn", "2026-12-31");
    body.put("participantIds", List.of(participants));
    Http.Reply created = admin().post("/api/v1/drives", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return UUID.fromString(created.json().get("id").asText());
  }

  public String enrolmentCode(UUID participantId) {
    Http.Reply enrolment = admin().post("/api/v1/users/" + participantId + "/enrolments", Map.of());
    assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(201);
    return enrolment.json().get("code").asText();
  }

  public Phone phone(UUID participantId) {
    Http.Reply enrolled =
        http.post(
            "/api/v1/devices/enrol",
            Map.of(
                "code", enrolmentCode(participantId), "deviceName", "phone", "appVersion", "1.0"));
    assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
    JsonNode body = enrolled.json();
    return new Phone(
        participantId, UUID.fromString(body.get("deviceId").asText()), body.get("token").asText());
  }

  /** A participant in {@code region} with one enrolled phone. */
  public Phone participantWithPhone(String region) {
    return phone(participant(region));
  }
}
