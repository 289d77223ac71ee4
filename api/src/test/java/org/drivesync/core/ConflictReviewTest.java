package org.drivesync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conflicting edits wait for an organiser of the region, who settles them; nothing is lost. */
class ConflictReviewTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private Person organiser;
  private Http org;
  private SyncClient first;
  private SyncClient second;
  private UUID drive;
  private UUID record;

  @BeforeEach
  void aConflict() {
    organiser = fixtures.organiser(Fixtures.YORKSHIRE);
    org = app.http().as(organiser.token());
    UUID participant = fixtures.participant(Fixtures.YORKSHIRE);
    first = new SyncClient(app.http(), fixtures.phone(participant));
    second = new SyncClient(app.http(), fixtures.phone(participant));
    drive = fixtures.drive(Fixtures.YORKSHIRE, participant);
    record = UUID.randomUUID();
    first.push(first.upsert(record, null, SyncClient.record(drive, "pledged")));
    Map<String, Object> a = SyncClient.record(drive, "pledged");
    a.put("ageBand", "18-24");
    Map<String, Object> b = SyncClient.record(drive, "pledged");
    b.put("ageBand", "50-64");
    first.push(first.upsert(record, 1L, a));
    assertThat(second.push(second.upsert(record, 1L, b)).get(0).get("status").asText())
        .isEqualTo("conflict");
  }

  private JsonNode openConflict() {
    for (JsonNode conflict : org.get("/api/v1/conflicts").json()) {
      if (conflict.get("recordId").asText().equals(record.toString())) {
        return conflict;
      }
    }
    return null;
  }

  @Test
  void theConflictWaitsInTheRegionsQueueWithBothValues() {
    JsonNode conflict = openConflict();
    assertThat(conflict).isNotNull();
    assertThat(conflict.get("reason").asText()).isEqualTo("fields");
    assertThat(conflict.get("fields").get(0).get("field").asText()).isEqualTo("ageBand");
    assertThat(conflict.get("fields").get(0).get("yours").asText()).isEqualTo("50-64");
    assertThat(conflict.get("fields").get(0).get("theirs").asText()).isEqualTo("18-24");

    Http elsewhere = app.http().as(fixtures.organiser(Fixtures.NORTH_EAST).token());
    assertThat(elsewhere.get("/api/v1/conflicts").text()).doesNotContain(record.toString());
    Http.Reply foreign =
        elsewhere.post(
            "/api/v1/conflicts/" + conflict.get("id").asText() + "/resolve",
            Map.of("choice", "keep_current"));
    assertThat(foreign.status()).isEqualTo(404);
  }

  @Test
  void restoringTheOverwrittenValueMakesANewVersionAndClearsTheFlagForEveryDevice() {
    JsonNode conflict = openConflict();
    Http.Reply resolved =
        org.post(
            "/api/v1/conflicts/" + conflict.get("id").asText() + "/resolve",
            Map.of("choice", "restore_overwritten"));
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    assertThat(resolved.json().get("resolvedBy").asText()).isEqualTo(organiser.id().toString());

    JsonNode current = org.get("/api/v1/records/" + record).json();
    assertThat(current.get("ageBand").asText()).isEqualTo("18-24");
    assertThat(current.get("version").asInt()).isEqualTo(4);
    assertThat(current.get("flags").toString()).doesNotContain("conflict");
    assertThat(first.pullAll())
        .anySatisfy(
            c -> {
              assertThat(c.get("id").asText()).isEqualTo(record.toString());
              assertThat(c.get("record").get("ageBand").asText()).isEqualTo("18-24");
            });
    Http.Reply again =
        org.post(
            "/api/v1/conflicts/" + conflict.get("id").asText() + "/resolve",
            Map.of("choice", "keep_current"));
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void anOrganiserCanChooseTheValueOrKeepTheRecordAsItIs() {
    JsonNode conflict = openConflict();
    Http.Reply outside =
        org.post(
            "/api/v1/conflicts/" + conflict.get("id").asText() + "/resolve",
            Map.of("choice", "values", "values", Map.of("outcome", "declined")));
    assertThat(outside.status()).isEqualTo(400);
    Http.Reply chosen =
        org.post(
            "/api/v1/conflicts/" + conflict.get("id").asText() + "/resolve",
            Map.of("choice", "values", "values", Map.of("ageBand", "35-49")));
    assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
    assertThat(org.get("/api/v1/records/" + record).json().get("ageBand").asText())
        .isEqualTo("35-49");
  }

  @Test
  void keepingTheCurrentRecordOnlyClosesTheReview() {
    JsonNode conflict = openConflict();
    assertThat(
            org.post(
                    "/api/v1/conflicts/" + conflict.get("id").asText() + "/resolve",
                    Map.of("choice", "keep_current"))
                .status())
        .isEqualTo(200);
    JsonNode current = org.get("/api/v1/records/" + record).json();
    assertThat(current.get("version").asInt()).isEqualTo(3);
    assertThat(current.get("ageBand").asText()).isEqualTo("50-64");
    assertThat(current.get("flags").toString()).doesNotContain("conflict");
  }

  @Test
  void anOrganisersCorrectionMergesWithADevicesEditLikeAnyOther() {
    UUID id = UUID.randomUUID();
    first.push(first.upsert(id, null, SyncClient.record(drive, "pledged")));
    first.push(first.upsert(id, 1L, SyncClient.record(drive, "registered_on_site")));
    Map<String, Object> fix = new HashMap<>(SyncClient.record(drive, "pledged"));
    fix.put("language", "so");
    Http.Reply corrected =
        org.put("/api/v1/records/" + id, Map.of("baseVersion", 1, "record", fix));
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
    assertThat(corrected.json().get("status").asText()).isEqualTo("merged");
    assertThat(corrected.json().get("record").get("outcome").asText())
        .isEqualTo("registered_on_site");
    assertThat(corrected.json().get("record").get("language").asText()).isEqualTo("so");
    assertThat(second.pullAll())
        .anySatisfy(
            c -> {
              assertThat(c.get("id").asText()).isEqualTo(id.toString());
              assertThat(c.get("record").get("language").asText()).isEqualTo("so");
              assertThat(c.get("record").get("recordedBy").asText())
                  .isEqualTo(first.phone().participantId().toString());
            });
  }

  @Test
  void recordsAreReadableOnlyWithinScope() {
    assertThat(app.http().as(first.phone().token()).get("/api/v1/records/" + record).status())
        .isEqualTo(403);
    Http elsewhere = app.http().as(fixtures.organiser(Fixtures.NORTH_EAST).token());
    assertThat(elsewhere.get("/api/v1/records/" + record).status()).isEqualTo(404);
    assertThat(
            elsewhere
                .put(
                    "/api/v1/records/" + record,
                    Map.of("baseVersion", 1, "record", SyncClient.record(drive, "declined")))
                .status())
        .isEqualTo(404);
    assertThat(app.http().as(fixtures.staff().token()).get("/api/v1/records/" + record).status())
        .isEqualTo(200);
  }
}
