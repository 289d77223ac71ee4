package org.drivesync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sets up what a load needs through the real API, as an organiser would: participants, drives
 * assigned to them, and phones enrolled with one-time codes. Needs an admin's bearer token.
 */
public final class Provisioning {
  /** An enrolled phone: its participant, token, and the drives it records for. */
  public record Device(
      UUID participantId, UUID deviceId, String token, List<UUID> driveIds, Instant driveStart) {}

  /** A signed-in staff member, for the metrics queries. */
  public record Staff(String email, String password, String token) {}

  /** Regions and one council in each: Newcastle, Manchester, Leeds, Leicester, Birmingham. */
  private static final String[][] COUNCILS = {
    {"E12000001", "E08000021"},
    {"E12000002", "E08000003"},
    {"E12000003", "E08000035"},
    {"E12000004", "E06000016"},
    {"E12000005", "E08000025"}
  };

  private static final int PARTICIPANTS_PER_DRIVE = 5;

  private final ApiClient api;
  private final String adminToken;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final LocalDate driveStart = LocalDate.now(ZoneOffset.UTC).minusDays(14);

  public Provisioning(ApiClient api, String adminToken) {
    this.api = api;
    this.adminToken = adminToken;
  }

  /**
   * {@code participants} new participants spread over the five regions, each with {@code
   * phonesEach} enrolled phones, in drives of up to five participants.
   */
  public List<Device> phones(String label, int participants, int phonesEach) {
    List<Device> devices = new ArrayList<>();
    List<UUID> group = new ArrayList<>();
    int region = 0;
    for (int p = 0; p < participants; p++) {
      group.add(participant(label, COUNCILS[region][0]));
      if (group.size() == PARTICIPANTS_PER_DRIVE || p == participants - 1) {
        UUID drive = drive(label, COUNCILS[region][1], group);
        for (UUID participant : group) {
          for (int d = 0; d < phonesEach; d++) {
            devices.add(enrol(participant, List.of(drive)));
          }
        }
        group.clear();
        region = (region + 1) % COUNCILS.length;
      }
    }
    return devices;
  }

  /** Another phone for a participant who already has one, with the same drives. */
  public Device anotherPhone(Device existing) {
    return enrol(existing.participantId(), existing.driveIds());
  }

  /** A new staff member, signed in. */
  public Staff staff() {
    String email =
        "bench-staff-"
            + runId
            + "-"
            + UUID.randomUUID().toString().substring(0, 6)
            + "@example.org";
    String password = "bench password " + UUID.randomUUID();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Bench staff " + runId);
    body.put("email", email);
    body.put("role", "staff");
    body.put("password", password);
    api.postExpecting("/api/v1/users", adminToken, body, 201);
    return new Staff(email, password, signIn(email, password));
  }

  /** Signs in and returns the session token. */
  public String signIn(String email, String password) {
    return api.postExpecting(
            "/api/v1/sessions", null, Map.of("email", email, "password", password), 201)
        .get("token")
        .asText();
  }

  private UUID participant(String label, String region) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Bench volunteer " + label + " " + runId);
    body.put("role", "participant");
    body.put("regions", List.of(region));
    body.put("cohort", "Bench " + runId);
    body.put("trainedOn", driveStart.minusDays(30).toString());
    return UUID.fromString(
        api.postExpecting("/api/v1/users", adminToken, body, 201).get("id").asText());
  }

  private UUID drive(String label, String council, List<UUID> participants) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "name",
        "Bench drive " + label + " " + runId + " " + UUID.randomUUID().toString().substring(0, 4));
    body.put("localAuthority", council);
    body.put("venueType", "community_centre");
    body.put("startsOn", driveStart.toString());
    body.put("endsOn", driveStart.plusDays(60).toString());
    body.put("participantIds", participants);
    return UUID.fromString(
        api.postExpecting("/api/v1/drives", adminToken, body, 201).get("id").asText());
  }

  private Device enrol(UUID participant, List<UUID> drives) {
    String code =
        api.postExpecting("/api/v1/users/" + participant + "/enrolments", adminToken, Map.of(), 201)
            .get("code")
            .asText();
    JsonNode enrolled =
        api.postExpecting(
            "/api/v1/devices/enrol",
            null,
            Map.of("code", code, "deviceName", "bench phone", "appVersion", "bench-1"),
            201);
    return new Device(
        participant,
        UUID.fromString(enrolled.get("deviceId").asText()),
        enrolled.get("token").asText(),
        drives,
        driveStart.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant());
  }
}
