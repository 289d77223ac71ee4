package org.drivesync.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console shows people, phones, drives and councils by name: the reads it uses carry the names
 * beside the ids, within exactly the scope of the read (an organiser learns no name from outside
 * their regions).
 */
class ConsoleNamesTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private Http organiser;
  private UUID participant;
  private UUID drive;
  private UUID record;

  @BeforeEach
  void aConflictInYorkshire() {
    Person person = fixtures.organiser(Fixtures.YORKSHIRE);
    organiser = app.http().as(person.token());
    Http.Reply created =
        fixtures
            .admin()
            .post(
                "/api/v1/users",
                Map.of(
                    "name",
                    "Łucja Wiśniewska",
                    "role",
                    "participant",
                    "regions",
                    List.of(Fixtures.YORKSHIRE),
                    "trainedOn",
                    "2026-01-10"));
    participant = UUID.fromString(created.json().get("id").asText());
    SyncClient first = new SyncClient(app.http(), fixtures.phone(participant));
    SyncClient second = new SyncClient(app.http(), fixtures.phone(participant));
    drive = fixtures.drive(Fixtures.YORKSHIRE, participant);
    record = UUID.randomUUID();
    first.push(first.upsert(record, null, SyncClient.record(drive, "pledged")));
    Map<String, Object> a = SyncClient.record(drive, "pledged");
    a.put("ageBand", "18-24");
    Map<String, Object> b = SyncClient.record(drive, "pledged");
    b.put("ageBand", "50-64");
    first.push(first.upsert(record, 1L, a));
    second.push(second.upsert(record, 1L, b));
  }

  private JsonNode conflict(Http as) {
    for (JsonNode conflict : as.get("/api/v1/conflicts").json()) {
      if (conflict.get("recordId").asText().equals(record.toString())) {
        return conflict;
      }
    }
    return null;
  }

  @Test
  void aConflictNamesItsAuthorPhoneAndDriveAndOnceSettledWhoSettledIt() {
    JsonNode conflict = conflict(organiser);
    assertThat(conflict.get("authorName").asText()).isEqualTo("Łucja Wiśniewska");
    assertThat(conflict.get("deviceName").asText()).isEqualTo("phone");
    assertThat(conflict.get("driveId").asText()).isEqualTo(drive.toString());
    assertThat(conflict.get("driveName").asText()).startsWith("Drive ");
    assertThat(conflict.get("resolvedByName").isNull()).isTrue();

    Http.Reply resolved =
        organiser.post(
            "/api/v1/conflicts/" + conflict.get("id").asText() + "/resolve",
            Map.of("choice", "keep_current"));
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    assertThat(resolved.json().get("resolvedByName").asText()).isEqualTo("Test organiser");
  }

  @Test
  void theOrganiserOfTheRegionReadsTheRecordsHistoryWithNamesAndNoOtherOrganiserCan() {
    Http.Reply history = organiser.get("/api/v1/records/" + record + "/history");
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    JsonNode body = history.json();
    assertThat(body.get("current").get("recordedByName").asText()).isEqualTo("Łucja Wiśniewska");
    assertThat(body.get("current").get("localAuthorityName").asText()).isEqualTo("Leeds");
    assertThat(body.get("versions")).hasSize(3);
    assertThat(body.get("versions").get(0).get("authorName").asText())
        .isEqualTo("Łucja Wiśniewska");
    assertThat(body.get("versions").get(0).get("deviceName").asText()).isEqualTo("phone");
    assertThat(body.get("conflicts").get(0).get("authorName").asText())
        .isEqualTo("Łucja Wiśniewska");

    Http elsewhere = app.http().as(fixtures.organiser(Fixtures.WEST_MIDLANDS).token());
    Http.Reply foreign = elsewhere.get("/api/v1/records/" + record + "/history");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.text()).doesNotContain("Łucja");
    assertThat(conflict(elsewhere)).isNull();
    assertThat(
            app.http()
                .as(fixtures.staff().token())
                .get("/api/v1/records/" + record + "/history")
                .status())
        .isEqualTo(200);
  }

  @Test
  void aDriveNamesItsCouncil() {
    JsonNode drive = organiser.get("/api/v1/drives/" + this.drive).json();
    assertThat(drive.get("localAuthority").asText()).isEqualTo("E08000035");
    assertThat(drive.get("localAuthorityName").asText()).isEqualTo("Leeds");
  }

  @Test
  void auditEventsNameTheirActorAndStaffSeeVolunteersNamesInASummaryByParticipant() {
    Http staff = app.http().as(fixtures.staff().token());
    JsonNode events = staff.get("/api/v1/audit?action=sync.push&limit=1000").json().get("events");
    JsonNode push = null;
    for (JsonNode event : events) {
      if (participant.toString().equals(event.path("actorUserId").asText())) {
        push = event;
      }
    }
    assertThat(push).as("a push by the participant's phone in the audit trail").isNotNull();
    assertThat(push.get("actorName").asText()).isEqualTo("Łucja Wiśniewska");
    assertThat(push.get("actorDeviceName").asText()).isEqualTo("phone");
    assertThat(push.get("entityName").asText()).isEqualTo("phone");
    JsonNode created =
        staff
            .get("/api/v1/audit?action=user.create&entity=user&entityId=" + participant)
            .json()
            .get("events")
            .get(0);
    assertThat(created.get("entityName").asText()).isEqualTo("Łucja Wiśniewska");

    JsonNode summary =
        staff
            .get(
                "/api/v1/metrics/summary?from=2026-03-14&to=2026-03-14&driveId="
                    + drive
                    + "&groupBy=participant")
            .json();
    assertThat(summary.get("labels").get("participant").get(participant.toString()).asText())
        .isEqualTo("Łucja Wiśniewska");
  }
}
