package org.drivesync.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff audit of the outreach data: a record's history and the integrity signals. */
class RecordAuditTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private Http staff;
  private SyncClient phone;
  private UUID drive;

  @BeforeEach
  void setUp() {
    Person person = fixtures.staff();
    staff = app.http().as(person.token());
    Phone p = fixtures.participantWithPhone(Fixtures.NORTH_EAST);
    drive = fixtures.drive(Fixtures.NORTH_EAST, p.participantId());
    phone = new SyncClient(app.http(), p);
  }

  private static Map<String, Object> at(UUID drive, String outcome, Instant recordedAt) {
    Map<String, Object> record = SyncClient.record(drive, outcome);
    record.put("recordedAt", recordedAt.toString());
    return record;
  }

  @Test
  void aRecordsHistoryShowsEveryVersionWithAuthorDeviceTimesMergesConflictsAndResolutions()
      throws Exception {
    SyncClient other = new SyncClient(app.http(), fixtures.phone(phone.phone().participantId()));
    UUID id = UUID.randomUUID();
    Instant when = Instant.parse("2026-04-02T10:00:00Z");
    phone.push(phone.upsert(id, null, at(drive, "pledged", when)));
    Map<String, Object> a = at(drive, "registered_on_site", when);
    Map<String, Object> b = at(drive, "declined", when);
    phone.push(phone.upsert(id, 1L, a));
    JsonNode conflict = other.push(other.upsert(id, 1L, b)).get(0);
    assertThat(conflict.get("status").asText()).isEqualTo("conflict");

    JsonNode history = staff.get("/api/v1/audit/records/" + id + "/history").json();
    assertThat(history.get("recordId").asText()).isEqualTo(id.toString());
    assertThat(history.get("current").get("version").asInt()).isEqualTo(3);
    JsonNode versions = history.get("versions");
    assertThat(versions).hasSize(3);
    assertThat(versions.get(0).get("mergeStatus").asText()).isEqualTo("applied");
    assertThat(versions.get(0).get("authorId").asText())
        .isEqualTo(phone.phone().participantId().toString());
    assertThat(versions.get(0).get("authorRole").asText()).isEqualTo("participant");
    assertThat(versions.get(0).get("deviceId").asText())
        .isEqualTo(phone.phone().deviceId().toString());
    assertThat(versions.get(0).get("recordedAt").asText()).isEqualTo("2026-04-02T10:00:00Z");
    assertThat(versions.get(0).has("receivedAt")).isTrue();
    assertThat(versions.get(1).get("changedFields").toString()).isEqualTo("[\"outcome\"]");
    assertThat(versions.get(1).get("record").get("outcome").asText())
        .isEqualTo("registered_on_site");
    assertThat(versions.get(2).get("mergeStatus").asText()).isEqualTo("conflict");
    assertThat(versions.get(2).get("deviceId").asText())
        .isEqualTo(other.phone().deviceId().toString());
    assertThat(versions.get(2).get("baseVersion").asInt()).isEqualTo(1);
    JsonNode conflicts = history.get("conflicts");
    assertThat(conflicts).hasSize(1);
    assertThat(conflicts.get(0).get("reason").asText()).isEqualTo("fields");
    assertThat(conflicts.get(0).get("resolvedAt").isNull()).isTrue();

    // The lead's review queue writes these columns; the history shows them as they are.
    Person reviewer = fixtures.staff();
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE record_conflicts SET resolved_at = now(),"
                    + " resolved_by = ?, resolution = '{\"kept\": \"theirs\"}' WHERE record_id = ?")) {
      s.setObject(1, reviewer.id());
      s.setObject(2, id);
      s.executeUpdate();
    }
    JsonNode resolved =
        staff.get("/api/v1/audit/records/" + id + "/history").json().get("conflicts").get(0);
    assertThat(resolved.get("resolvedBy").asText()).isEqualTo(reviewer.id().toString());
    assertThat(resolved.get("resolution").get("kept").asText()).isEqualTo("theirs");
  }

  @Test
  void historyIsForStaffAndAnUnknownRecordIsA404() {
    Http.Reply missing = staff.get("/api/v1/audit/records/" + UUID.randomUUID() + "/history");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(staff.get("/api/v1/audit/records/nope/history").status()).isEqualTo(400);
    Person organiser = fixtures.organiser(Fixtures.NORTH_EAST);
    assertThat(
            app.http()
                .as(organiser.token())
                .get("/api/v1/audit/records/" + UUID.randomUUID() + "/history")
                .status())
        .isEqualTo(403);
    assertThat(app.http().as(organiser.token()).get("/api/v1/audit/signals").status())
        .isEqualTo(403);
  }

  @Test
  void signalsShowBurstsOutcomeMixOutsideDatesAndLateEditsWithTheirEvidence() throws Exception {
    Phone second = fixtures.participantWithPhone(Fixtures.NORTH_EAST);
    UUID busyDrive = fixtures.drive(Fixtures.NORTH_EAST, second.participantId());
    SyncClient secondPhone = new SyncClient(app.http(), second);
    Instant start = Instant.parse("2026-02-10T10:00:00Z");
    List<Map<String, Object>> quick = new ArrayList<>();
    List<Map<String, Object>> steady = new ArrayList<>();
    List<UUID> quickIds = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      UUID id = UUID.randomUUID();
      quickIds.add(id);
      quick.add(phone.upsert(id, null, at(drive, "declined", start.plusSeconds(10L * i))));
      steady.add(
          secondPhone.upsert(
              UUID.randomUUID(),
              null,
              at(busyDrive, "registered_on_site", start.plusSeconds(600L * i))));
    }
    phone.push(quick);
    secondPhone.push(steady);
    // Six edits, ending where it began, received (as if) four days after the record arrived.
    UUID edited = quickIds.get(0);
    for (long v = 1; v <= 6; v++) {
      phone.push(phone.upsert(edited, v, at(drive, v % 2 == 0 ? "declined" : "follow_up", start)));
    }
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE drive_record_versions"
                    + " SET received_at = received_at + interval '4 days' WHERE record_id = ? AND version > 1")) {
      s.setObject(1, edited);
      s.executeUpdate();
    }

    JsonNode answer =
        staff
            .get(
                "/api/v1/audit/signals?region="
                    + Fixtures.NORTH_EAST
                    + "&from=2026-02-01&to=2026-02-28")
            .json();
    assertThat(answer.get("thresholds").get("burstMinRecords").asInt()).isEqualTo(5);
    assertThat(answer.get("note").asText()).contains("never verdicts");
    String mine = phone.phone().participantId().toString();
    JsonNode burst = find(answer, "burst", mine);
    assertThat(burst.get("evidence").get("records").asInt()).isEqualTo(30);
    assertThat(burst.get("evidence").get("averageSecondsApart").asDouble()).isEqualTo(10.0);
    assertThat(burst.get("evidence").get("recordIds")).hasSize(20);
    assertThat(burst.get("description").asText()).contains("quicker than a conversation");
    JsonNode mix = find(answer, "outcome_mix", mine);
    assertThat(mix.get("evidence").get("distance").asDouble()).isEqualTo(0.5);
    assertThat(mix.get("evidence").get("outcomes").get("declined").asInt()).isEqualTo(30);
    assertThat(find(answer, "late_edits", mine).get("evidence").get("edits").asInt()).isEqualTo(6);
    // Every record was dated before the test phones were enrolled (today).
    assertThat(find(answer, "before_enrolment", mine).get("evidence").get("deviceId").asText())
        .isEqualTo(phone.phone().deviceId().toString());
    assertThat(answer.get("signals").toString())
        .doesNotContain(
            "\"burst\",\"subjectType\":\"participant\",\"subjectId\":\"" + second.participantId());

    Http.Reply badRegion = staff.get("/api/v1/audit/signals?region=E12000009");
    assertThat(badRegion.status()).isEqualTo(404);
    assertThat(staff.get("/api/v1/audit/signals?from=2026-02-02&to=2026-02-01").status())
        .isEqualTo(400);
  }

  @Test
  void recordsOutsideTheirDrivesDatesAreSignalledPerDrive() {
    phone.push(
        phone.upsert(
            UUID.randomUUID(), null, at(drive, "pledged", Instant.parse("2025-12-20T12:00:00Z"))));
    JsonNode answer =
        staff
            .get(
                "/api/v1/audit/signals?region="
                    + Fixtures.NORTH_EAST
                    + "&from=2025-12-01&to=2025-12-31")
            .json();
    JsonNode outside = find(answer, "outside_drive_dates", drive.toString());
    assertThat(outside.get("subjectType").asText()).isEqualTo("drive");
    assertThat(outside.get("evidence").get("driveStartsOn").asText()).isEqualTo("2026-01-01");
    assertThat(outside.get("evidence").get("earliestDay").asText()).isEqualTo("2025-12-20");
  }

  private static JsonNode find(JsonNode answer, String kind, String subject) {
    for (JsonNode signal : answer.get("signals")) {
      if (signal.get("kind").asText().equals(kind)
          && signal.get("subjectId").asText().equals(subject)) {
        return signal;
      }
    }
    throw new AssertionError("no " + kind + " signal for " + subject + " in " + answer);
  }
}
