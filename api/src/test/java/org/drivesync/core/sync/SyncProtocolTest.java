package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.sync.PullCursor;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push and pull rules of docs/sync-protocol.md, through HTTP and PostgreSQL. */
class SyncProtocolTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private SyncClient phone;
  private UUID drive;

  @BeforeEach
  void participantWithADrive() {
    Phone p = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    drive = fixtures.drive(Fixtures.EAST_MIDLANDS, p.participantId());
    phone = new SyncClient(app.http(), p);
  }

  @Test
  void aNewRecordIsAppliedAsVersionOneAndComesBackOnPull() {
    UUID id = UUID.randomUUID();
    JsonNode result =
        phone.push(phone.upsert(id, null, SyncClient.record(drive, "pledged"))).get(0);
    assertThat(result.get("status").asText()).isEqualTo("applied");
    assertThat(result.get("version").asInt()).isEqualTo(1);
    assertThat(result.get("record").get("recordedBy").asText())
        .isEqualTo(phone.phone().participantId().toString());
    assertThat(result.get("record").get("deviceId").asText())
        .isEqualTo(phone.phone().deviceId().toString());

    List<JsonNode> changes = phone.pullAll();
    assertThat(changes)
        .anySatisfy(
            c -> {
              assertThat(c.get("entity").asText()).isEqualTo("drive");
              assertThat(c.get("id").asText()).isEqualTo(drive.toString());
            });
    assertThat(changes)
        .anySatisfy(
            c -> {
              assertThat(c.get("entity").asText()).isEqualTo("drive_record");
              assertThat(c.get("record").get("outcome").asText()).isEqualTo("pledged");
            });
  }

  @Test
  void aReplayedPushReturnsTheStoredResultsAndChangesNothing() {
    UUID id = UUID.randomUUID();
    List<Map<String, Object>> batch =
        List.of(phone.upsert(id, null, SyncClient.record(drive, "pledged")));
    JsonNode first = phone.push(batch);
    JsonNode again = phone.push(batch);
    assertThat(again.get(0).get("replayed").asBoolean()).isTrue();
    assertThat(again.get(0).get("status")).isEqualTo(first.get(0).get("status"));
    assertThat(again.get(0).get("version")).isEqualTo(first.get(0).get("version"));
    assertThat(again.get(0).get("record")).isEqualTo(first.get(0).get("record"));
    assertThat(count("SELECT count(*) FROM drive_record_versions WHERE record_id = ?", id))
        .isEqualTo(1);
  }

  @Test
  void aMutationIdReusedForOtherContentIsRejected() {
    UUID id = UUID.randomUUID();
    UUID mutationId = UUID.randomUUID();
    phone.push(phone.mutation(mutationId, "upsert", id, null, SyncClient.record(drive, "pledged")));
    JsonNode reused =
        phone
            .push(
                phone.mutation(mutationId, "upsert", id, 1L, SyncClient.record(drive, "declined")))
            .get(0);
    assertThat(reused.get("status").asText()).isEqualTo("rejected");
    assertThat(reused.get("error").get("code").asText()).isEqualTo("mutation_id_reused");
  }

  @Test
  void oneBadMutationIsRejectedAndQuarantinedWhileTheRestApply() {
    Map<String, Object> bad = SyncClient.record(drive, "pledged");
    bad.put("nationality", "Sudanese");
    UUID badId = UUID.randomUUID();
    UUID goodId = UUID.randomUUID();
    JsonNode results =
        phone.push(
            phone.upsert(badId, null, bad),
            phone.upsert(goodId, null, SyncClient.record(drive, "declined")));
    assertThat(results.get(0).get("status").asText()).isEqualTo("rejected");
    assertThat(results.get(0).get("error").get("code").asText()).isEqualTo("forbidden_field");
    assertThat(results.get(1).get("status").asText()).isEqualTo("applied");
    assertThat(
            count(
                "SELECT count(*) FROM quarantined_mutations WHERE record_id = ?", badId.toString()))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM quarantined_mutations WHERE payload::text LIKE '%Sudanese%'",
                null))
        .isZero();
    assertThat(count("SELECT count(*) FROM drive_records WHERE id = ?", badId)).isZero();
  }

  @Test
  void everyRefusedPersonalFieldIsRejected() {
    for (String field :
        List.of(
            "name",
            "nationality",
            "immigrationStatus",
            "dateOfBirth",
            "niNumber",
            "notes",
            "location",
            "latitude",
            "postcode",
            "phone",
            "email")) {
      Map<String, Object> record = SyncClient.record(drive, "pledged");
      record.put(field, "x");
      JsonNode result = phone.push(phone.upsert(UUID.randomUUID(), null, record)).get(0);
      assertThat(result.get("error").get("code").asText()).as(field).isEqualTo("forbidden_field");
    }
  }

  @Test
  void invalidFieldValuesAreRejectedWithStableCodes() {
    Map<String, String> cases =
        Map.of(
            "outcome",
            "Pledged",
            "ageBand",
            "30",
            "language",
            "urdu",
            "recordedAt",
            "yesterday",
            "driveId",
            "not-a-uuid");
    cases.forEach(
        (field, value) -> {
          Map<String, Object> record = SyncClient.record(drive, "pledged");
          record.put(field, value);
          JsonNode result = phone.push(phone.upsert(UUID.randomUUID(), null, record)).get(0);
          assertThat(result.get("error").get("code").asText()).as(field).isEqualTo("invalid_field");
        });
    Map<String, Object> unknown = SyncClient.record(drive, "pledged");
    unknown.put("colour", "red");
    assertThat(
            phone
                .push(phone.upsert(UUID.randomUUID(), null, unknown))
                .get(0)
                .get("error")
                .get("code")
                .asText())
        .isEqualTo("unknown_field");
  }

  @Test
  void twoDevicesEditingDifferentFieldsAreMergedAndTheSameFieldIsAConflictTheLaterArrivalWins() {
    Phone second = fixtures.phone(phone.phone().participantId());
    SyncClient other = new SyncClient(app.http(), second);
    UUID id = UUID.randomUUID();
    phone.push(phone.upsert(id, null, SyncClient.record(drive, "pledged")));

    Map<String, Object> a = SyncClient.record(drive, "registered_on_site");
    Map<String, Object> b = SyncClient.record(drive, "pledged");
    b.put("language", "pl");
    assertThat(phone.push(phone.upsert(id, 1L, a)).get(0).get("status").asText())
        .isEqualTo("applied");
    JsonNode merged = other.push(other.upsert(id, 1L, b)).get(0);
    assertThat(merged.get("status").asText()).isEqualTo("merged");
    assertThat(merged.get("record").get("outcome").asText()).isEqualTo("registered_on_site");
    assertThat(merged.get("record").get("language").asText()).isEqualTo("pl");

    Map<String, Object> a2 = new HashMap<>(a);
    a2.put("language", "pl");
    a2.put("ageBand", "18-24");
    Map<String, Object> b2 = new HashMap<>(a2);
    b2.put("ageBand", "50-64");
    phone.push(phone.upsert(id, 3L, a2));
    JsonNode conflict = other.push(other.upsert(id, 3L, b2)).get(0);
    assertThat(conflict.get("status").asText()).isEqualTo("conflict");
    assertThat(conflict.get("record").get("ageBand").asText()).isEqualTo("50-64");
    assertThat(conflict.get("conflict").get("fields").get(0).asText()).isEqualTo("ageBand");
    assertThat(conflict.get("conflict").get("theirs").get("ageBand").asText()).isEqualTo("18-24");
    assertThat(conflict.get("record").get("flags").toString()).contains("conflict");
    assertThat(
            count(
                "SELECT count(*) FROM record_conflicts WHERE record_id = ? AND resolved_at IS NULL",
                id))
        .isEqualTo(1);
    // Nothing is lost: the overwritten value is still in the version history.
    assertThat(
            count(
                "SELECT count(*) FROM drive_record_versions WHERE record_id = ? AND fields->>'ageBand' = '18-24'",
                id))
        .isEqualTo(1);
  }

  @Test
  void deletesAreTombstonesThatEditsDoNotResurrect() {
    UUID id = UUID.randomUUID();
    phone.push(phone.upsert(id, null, SyncClient.record(drive, "pledged")));
    JsonNode deleted = phone.push(phone.delete(id, 1L)).get(0);
    assertThat(deleted.get("status").asText()).isEqualTo("applied");
    assertThat(deleted.get("record").get("deleted").asBoolean()).isTrue();
    JsonNode edit = phone.push(phone.upsert(id, 1L, SyncClient.record(drive, "declined"))).get(0);
    assertThat(edit.get("status").asText()).isEqualTo("conflict");
    assertThat(edit.get("conflict").get("reason").asText()).isEqualTo("deleted");
    assertThat(edit.get("record").get("deleted").asBoolean()).isTrue();
    assertThat(phone.pullAll())
        .anySatisfy(
            c -> {
              assertThat(c.get("id").asText()).isEqualTo(id.toString());
              assertThat(c.get("op").asText()).isEqualTo("delete");
            });
  }

  @Test
  void aDeleteBasedOnAnOldVersionAppliesAndRecordsTheEditsItSupersedes() {
    UUID id = UUID.randomUUID();
    phone.push(phone.upsert(id, null, SyncClient.record(drive, "pledged")));
    phone.push(phone.upsert(id, 1L, SyncClient.record(drive, "registered_on_site")));
    JsonNode deleted = phone.push(phone.delete(id, 1L)).get(0);
    assertThat(deleted.get("status").asText()).isEqualTo("conflict");
    assertThat(deleted.get("conflict").get("reason").asText()).isEqualTo("delete_supersedes_edits");
    assertThat(deleted.get("record").get("deleted").asBoolean()).isTrue();
  }

  @Test
  void writesNeedAnAssignedOpenDrive() {
    UUID otherDrive = fixtures.drive(Fixtures.EAST_MIDLANDS);
    JsonNode unassigned =
        phone
            .push(phone.upsert(UUID.randomUUID(), null, SyncClient.record(otherDrive, "pledged")))
            .get(0);
    assertThat(unassigned.get("error").get("code").asText()).isEqualTo("drive_not_assigned");
    fixtures.admin().patch("/api/v1/drives/" + drive, Map.of("status", "closed"));
    // Captured after closing (one captured before is late: LateRecordsTest).
    Map<String, Object> afterClosing = SyncClient.record(drive, "pledged");
    afterClosing.put("recordedAt", java.time.Instant.now().plusSeconds(60).toString());
    JsonNode closed = phone.push(phone.upsert(UUID.randomUUID(), null, afterClosing)).get(0);
    assertThat(closed.get("error").get("code").asText()).isEqualTo("drive_closed");
  }

  @Test
  void envelopeLimitsAndIdentityAreEnforced() {
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add(phone.upsert(UUID.randomUUID(), null, SyncClient.record(drive, "pledged")));
    }
    Http.Reply big = phone.pushRaw(tooMany);
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.json().get("details").get("maxMutations").asInt()).isEqualTo(500);

    Map<String, Object> body = phone.body(List.of());
    body.put("protocolVersion", 2);
    Http.Reply version = phone.http().post("/api/v1/sync/push", body);
    assertThat(version.status()).isEqualTo(426);
    assertThat(version.json().get("details").get("max").asInt()).isEqualTo(1);

    Map<String, Object> foreign = phone.body(List.of());
    foreign.put("deviceId", UUID.randomUUID().toString());
    assertThat(phone.http().post("/api/v1/sync/push", foreign).status()).isEqualTo(403);

    Fixtures.Person organiser = fixtures.organiser(Fixtures.EAST_MIDLANDS);
    assertThat(
            app.http()
                .as(organiser.token())
                .post("/api/v1/sync/push", phone.body(List.of()))
                .status())
        .isEqualTo(403);
    assertThat(phone.http().post("/api/v1/sync/push", "{\"deviceId\":").status()).isEqualTo(400);
  }

  @Test
  void recordedAtInTheFutureOrBeforeTheDriveIsAcceptedAndFlagged() {
    Map<String, Object> future = SyncClient.record(drive, "pledged");
    future.put("recordedAt", java.time.Instant.now().plusSeconds(600).toString());
    JsonNode result = phone.push(phone.upsert(UUID.randomUUID(), null, future)).get(0);
    assertThat(result.get("status").asText()).isEqualTo("applied");
    assertThat(result.get("record").get("flags").toString()).contains("clock_skew");
    Map<String, Object> early = SyncClient.record(drive, "pledged");
    early.put("recordedAt", "2025-12-31T12:00:00Z");
    assertThat(
            phone
                .push(phone.upsert(UUID.randomUUID(), null, early))
                .get(0)
                .get("record")
                .get("flags")
                .toString())
        .contains("clock_skew");
  }

  @Test
  void guidanceFromASupersededRulesetIsAcceptedAndFlagged() {
    Map<String, Object> record = SyncClient.record(drive, "registered_on_site");
    record.put(
        "guidance",
        Map.of(
            "rulesetVersion",
            "PRE-EA22-2021-04-05",
            "basis",
            "british",
            "registration",
            "yes",
            "elections",
            List.of("uk_parliament"),
            "signposts",
            List.of("gov_uk_register")));
    JsonNode result = phone.push(phone.upsert(UUID.randomUUID(), null, record)).get(0);
    assertThat(result.get("status").asText()).isEqualTo("applied");
    assertThat(result.get("record").get("flags").toString()).contains("outdated_ruleset");
    record.put(
        "guidance", Map.of("rulesetVersion", "NOPE", "basis", "british", "registration", "yes"));
    assertThat(
            phone
                .push(phone.upsert(UUID.randomUUID(), null, record))
                .get(0)
                .get("error")
                .get("code")
                .asText())
        .isEqualTo("unknown_ruleset");
  }

  @Test
  void unassignedOrClosedDrivesAreEvictedFromTheFeed() {
    phone.pullAll();
    fixtures.admin().patch("/api/v1/drives/" + drive, Map.of("participantIds", List.of()));
    assertThat(phone.pullAll())
        .anySatisfy(
            c -> {
              assertThat(c.get("id").asText()).isEqualTo(drive.toString());
              assertThat(c.get("op").asText()).isEqualTo("evict");
            });
  }

  @Test
  void smallPagesWalkRecordsOfOneTransactionExactlyOnce() {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(phone.upsert(UUID.randomUUID(), null, SyncClient.record(drive, "pledged")));
    }
    phone.push(batch); // one transaction: thirty rows at one position xid
    org.drivesync.testing.Sql.awaitHorizon(app);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    boolean more = true;
    while (more) {
      JsonNode page =
          phone
              .http()
              .get("/api/v1/sync/pull?limit=7" + (cursor == null ? "" : "&cursor=" + cursor))
              .json();
      page.get("changes")
          .forEach(
              c -> {
                if (c.get("entity").asText().equals("drive_record")) {
                  seen.add(c.get("id").asText());
                }
              });
      cursor = page.get("cursor").asText();
      more = page.get("hasMore").asBoolean();
    }
    assertThat(seen).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void badCursorsAreA400AndPurgedHistoryA410() throws Exception {
    Http.Reply bad = phone.http().get("/api/v1/sync/pull?cursor=garbage");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("invalid_cursor");
    assertThat(phone.http().get("/api/v1/sync/pull?limit=5000").status()).isEqualTo(400);
    String old = new PullCursor(5, "drive_record", UUID.randomUUID()).encode();
    try (Connection c = app.database().ownerDataSource().getConnection()) {
      c.createStatement().execute("UPDATE sync_state SET purged_through_xid = 10");
      try {
        Http.Reply gone = phone.http().get("/api/v1/sync/pull?cursor=" + old);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.code()).isEqualTo("reset_required");
      } finally {
        c.createStatement().execute("UPDATE sync_state SET purged_through_xid = 0");
      }
    }
  }

  @Test
  void eachSyncUpdatesTheDevicesStatusAndStaleDevicesAreListed() throws Exception {
    Map<String, Object> body =
        phone.body(
            List.of(
                phone.upsert(UUID.randomUUID(), null, SyncClient.record(drive, "pledged")),
                phone.upsert(UUID.randomUUID(), null, Map.of("outcome", "nope"))));
    body.put("sentAt", java.time.Instant.now().minusSeconds(120).toString());
    assertThat(
            phone.http().header("X-App-Version", "2.4.1").post("/api/v1/sync/push", body).status())
        .isEqualTo(200);
    phone.pullAll();
    String deviceId = phone.phone().deviceId().toString();
    JsonNode device = null;
    for (JsonNode d : fixtures.admin().get("/api/v1/devices").json()) {
      if (d.get("id").asText().equals(deviceId)) {
        device = d;
      }
    }
    assertThat(device.get("appVersion").asText()).isEqualTo("2.4.1");
    assertThat(device.get("lastPushAt").isNull()).isFalse();
    assertThat(device.get("lastPullAt").isNull()).isFalse();
    assertThat(device.get("clockOffsetMs").asLong()).isBetween(110_000L, 200_000L);
    assertThat(device.get("lastError").asText()).isEqualTo("invalid_field");
    assertThat(fixtures.admin().get("/api/v1/devices?stale=7d").text()).doesNotContain(deviceId);
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE devices SET last_push_at = now() - interval '8 days',"
                    + " last_pull_at = now() - interval '8 days' WHERE id = ?")) {
      s.setObject(1, phone.phone().deviceId());
      s.executeUpdate();
    }
    assertThat(fixtures.admin().get("/api/v1/devices?stale=7d").text()).contains(deviceId);
  }

  private long count(String sql, Object parameter) {
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (parameter != null) {
        s.setObject(1, parameter);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
