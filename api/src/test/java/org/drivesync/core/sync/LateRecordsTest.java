package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.Sql;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records a phone still holds when its drive closes, or its volunteer is unassigned or loses the
 * drive's region: applied and flagged late within the grace period, quarantined after it
 * (docs/sync-protocol.md, "Late records").
 */
class LateRecordsTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private SyncClient phone;
  private UUID drive;
  private Person staff;

  @BeforeEach
  void participantWithADrive() {
    Phone p = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    drive = fixtures.drive(Fixtures.EAST_MIDLANDS, p.participantId());
    phone = new SyncClient(app.http(), p);
    staff = fixtures.staff();
  }

  /** A record captured an hour ago: inside the fixtures' drive dates (all of 2026). */
  private Map<String, Object> capturedEarlier(String outcome) {
    Map<String, Object> record = SyncClient.record(drive, outcome);
    record.put(
        "recordedAt",
        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
    return record;
  }

  /** A record captured a minute from now: after whatever ended a moment ago. */
  private Map<String, Object> capturedNow() {
    Map<String, Object> record = SyncClient.record(drive, "pledged");
    record.put(
        "recordedAt", Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString());
    return record;
  }

  private Http.Reply close() {
    Http.Reply closed =
        fixtures.admin().patch("/api/v1/drives/" + drive, Map.of("status", "closed"));
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    return closed;
  }

  private static List<String> flags(JsonNode result) {
    List<String> flags = new ArrayList<>();
    result.get("record").get("flags").forEach(f -> flags.add(f.asText()));
    return flags;
  }

  @Test
  void aRecordCapturedBeforeTheDriveClosedIsAppliedAndFlaggedLate() {
    UUID id = UUID.randomUUID();
    Map<String, Object> record = capturedEarlier("pledged");
    close();
    JsonNode result = phone.push(phone.upsert(id, null, record)).get(0);
    assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("applied");
    assertThat(flags(result)).contains("late");

    // Wherever flags appear: the flagged-records list and the record's history.
    Http.Reply flagged =
        fixtures.admin().get("/api/v1/metrics/flagged-records?flag=late&limit=500");
    assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
    assertThat(flagged.json().findValuesAsText("id")).contains(id.toString());
    JsonNode history =
        app.http().as(staff.token()).get("/api/v1/audit/records/" + id + "/history").json();
    assertThat(history.get("current").get("flags").toString()).contains("\"late\"");
  }

  @Test
  void editsOfExistingRecordsFollowTheSameRule() {
    UUID id = UUID.randomUUID();
    phone.push(phone.upsert(id, null, capturedEarlier("pledged")));
    close();
    Map<String, Object> edited = capturedEarlier("registered_on_site");
    JsonNode result = phone.push(phone.upsert(id, 1L, edited)).get(0);
    assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("applied");
    assertThat(result.get("version").asInt()).isEqualTo(2);
    assertThat(flags(result)).contains("late");
  }

  @Test
  void aRecordCapturedAfterClosingIsQuarantinedAndTheResultSaysSo() {
    close();
    UUID id = UUID.randomUUID();
    JsonNode result = phone.push(phone.upsert(id, null, capturedNow())).get(0);
    assertThat(result.get("status").asText()).isEqualTo("rejected");
    assertThat(result.get("error").get("code").asText()).isEqualTo("drive_closed");
    assertThat(result.get("quarantined").asBoolean()).isTrue();
    assertThat(Sql.count(app, "SELECT count(*) FROM drive_records WHERE id = ?", id)).isZero();
  }

  @Test
  void pastTheGracePeriodTheWholeMutationIsKeptInQuarantine() {
    Map<String, Object> record = capturedEarlier("declined");
    close();
    Sql.count(
        app,
        "WITH u AS (UPDATE drives SET closed_at = now() - interval '31 days'"
            + " WHERE id = ? RETURNING 1) SELECT count(*) FROM u",
        drive);
    UUID id = UUID.randomUUID();
    JsonNode result = phone.push(phone.upsert(id, null, record)).get(0);
    assertThat(result.get("status").asText()).isEqualTo("rejected");
    assertThat(result.get("error").get("code").asText()).isEqualTo("drive_closed");
    assertThat(result.get("quarantined").asBoolean()).isTrue();
    assertThat(result.get("error").get("message").asText()).contains("quarantine");
    String payload =
        Sql.text(
            app,
            "SELECT payload::text FROM quarantined_mutations WHERE record_id = ?",
            id.toString());
    assertThat(payload)
        .contains("\"outcome\": \"declined\"")
        .contains(drive.toString())
        .contains("\"recordedAt\"");
    assertThat(Sql.count(app, "SELECT count(*) FROM drive_records WHERE id = ?", id)).isZero();
  }

  @Test
  void anUnassignedVolunteersRecordsCapturedWhileAssignedAreLate() {
    Map<String, Object> before = capturedEarlier("pledged");
    Http.Reply unassigned =
        fixtures.admin().patch("/api/v1/drives/" + drive, Map.of("participantIds", List.of()));
    assertThat(unassigned.status()).as(unassigned.toString()).isEqualTo(200);
    JsonNode result = phone.push(phone.upsert(UUID.randomUUID(), null, before)).get(0);
    assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("applied");
    assertThat(flags(result)).contains("late");

    JsonNode refused = phone.push(phone.upsert(UUID.randomUUID(), null, capturedNow())).get(0);
    assertThat(refused.get("error").get("code").asText()).isEqualTo("drive_not_assigned");
    assertThat(refused.get("quarantined").asBoolean()).isTrue();
  }

  /** Issue 13 item 2: pushes check the participant's current regions as well as the assignment. */
  @Test
  void aVolunteerRemovedFromTheDrivesRegionCanNoLongerWriteToItButKeepsWhatTheyCaptured() {
    Map<String, Object> before = capturedEarlier("pledged");
    Http.Reply moved =
        fixtures
            .admin()
            .patch(
                "/api/v1/users/" + phone.phone().participantId(),
                Map.of("regions", List.of(Fixtures.WEST_MIDLANDS)));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    JsonNode result = phone.push(phone.upsert(UUID.randomUUID(), null, before)).get(0);
    assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("applied");
    assertThat(flags(result)).contains("late");

    JsonNode refused = phone.push(phone.upsert(UUID.randomUUID(), null, capturedNow())).get(0);
    assertThat(refused.get("status").asText()).isEqualTo("rejected");
    assertThat(refused.get("error").get("code").asText()).isEqualTo("region_not_assigned");
  }

  @Test
  void closingADriveListsThePhonesThatMayStillHoldItsRecords() {
    Phone second = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    Http.Reply assigned =
        fixtures
            .admin()
            .patch(
                "/api/v1/drives/" + drive,
                Map.of(
                    "participantIds",
                    List.of(phone.phone().participantId(), second.participantId())));
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    assertThat(assigned.json().has("devicesMayHoldRecords")).isFalse();
    phone.push(phone.upsert(UUID.randomUUID(), null, capturedEarlier("pledged")));

    JsonNode closed = close().json();
    assertThat(closed.get("id").asText()).isEqualTo(drive.toString());
    assertThat(closed.get("status").asText()).isEqualTo("closed");
    JsonNode devices = closed.get("devicesMayHoldRecords");
    assertThat(devices.findValuesAsText("deviceId"))
        .containsExactlyInAnyOrder(
            phone.phone().deviceId().toString(), second.deviceId().toString());
    for (JsonNode device : devices) {
      assertThat(device.get("participantName").asText()).isEqualTo("Volunteer");
      assertThat(device.has("participantId")).isTrue();
      assertThat(device.has("lastPushAt")).isTrue();
    }

    // A push after closing carried everything the phone held.
    phone.push(phone.upsert(UUID.randomUUID(), null, capturedEarlier("declined")));
    Http.Reply pending =
        app.http().as(staff.token()).get("/api/v1/drives/" + drive + "/devices-pending");
    assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
    assertThat(pending.json().get("devices").findValuesAsText("deviceId"))
        .containsExactly(second.deviceId().toString());

    Person elsewhere = fixtures.organiser(Fixtures.YORKSHIRE);
    assertThat(
            app.http()
                .as(elsewhere.token())
                .get("/api/v1/drives/" + drive + "/devices-pending")
                .status())
        .isEqualTo(404);
  }
}
