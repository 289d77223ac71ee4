package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drivesync.testing.WatermelonClient.changes;
import static org.drivesync.testing.WatermelonClient.created;
import static org.drivesync.testing.WatermelonClient.deleted;
import static org.drivesync.testing.WatermelonClient.edited;
import static org.drivesync.testing.WatermelonClient.raw;
import static org.drivesync.testing.WatermelonClient.updated;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.Sql;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.WatermelonClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push of the WatermelonDB profile (docs/clients/watermelondb.md), through HTTP. */
class WatermelonPushTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private Phone phoneA;
  private WatermelonClient a;
  private WatermelonClient b;
  private UUID drive;

  @BeforeEach
  void twoPhonesOfAParticipantWithADrive() {
    phoneA = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    drive = fixtures.drive(Fixtures.EAST_MIDLANDS, phoneA.participantId());
    a = new WatermelonClient(app, phoneA);
    b = new WatermelonClient(app, fixtures.phone(phoneA.participantId()));
    a.pull();
    b.pull();
  }

  @Test
  void newRecordsAreStoredWithTheLibrarysBookkeepingIgnoredAndThePushAudited() {
    UUID id = UUID.randomUUID();
    Map<String, Object> raw = raw(id, drive, "pledged");
    raw.put("guidance_ruleset", "EA22-2024-05-07");
    raw.put("guidance_basis", "british");
    raw.put("guidance_registration", "yes");
    raw.put("guidance_elections", "uk_parliament,local_england");
    raw.put("guidance_signposts", "");
    JsonNode answer = a.pushOk(created(raw));
    assertThat(answer.has("experimentalRejectedIds")).isFalse();

    assertThat(versions(id)).isEqualTo(1);
    assertThat(
            Sql.text(
                app,
                "SELECT recorded_at = '2026-03-14T18:22:05Z' FROM drive_records WHERE id = ?",
                id))
        .isEqualTo("t");
    assertThat(Sql.text(app, "SELECT device_id FROM drive_records WHERE id = ?", id))
        .isEqualTo(phoneA.deviceId().toString());
    JsonNode pulled = onlyRecord(b.pull());
    for (String column :
        List.of(
            "drive_id",
            "outcome",
            "guidance_ruleset",
            "age_band",
            "first_time_registrant",
            "language",
            "recorded_at")) {
      assertThat(pulled.get(column).toString())
          .as(column)
          .isEqualTo(Http.JSON.valueToTree(raw.get(column)).toString());
    }
    assertThat(pulled.get("guidance_elections").asText()).isEqualTo("local_england,uk_parliament");
    assertThat(pulled.get("guidance_signposts").isNull()).isTrue();
    assertThat(
            Sql.count(
                app,
                "SELECT count(*) FROM audit_events WHERE action = 'sync.watermelon_push'"
                    + " AND entity_id = ? AND details->>'applied' = '1'",
                phoneA.deviceId().toString()))
        .isEqualTo(1);
  }

  @Test
  void aCreatedIdThatExistsIsAnUpdateAndAnIdenticalOneChangesNothing() {
    UUID id = UUID.randomUUID();
    Map<String, Object> raw = raw(id, drive, "pledged");
    a.pushOk(created(raw));
    a.pull();
    assertThat(a.pushOk(created(raw)).has("experimentalRejectedIds")).isFalse();
    assertThat(versions(id)).isEqualTo(1);

    Map<String, Object> changed = new LinkedHashMap<>(raw);
    changed.put("language", "pl");
    a.pushOk(created(changed));
    assertThat(versions(id)).isEqualTo(2);
    assertThat(Sql.text(app, "SELECT language FROM drive_records WHERE id = ?", id))
        .isEqualTo("pl");
    assertThat(Sql.count(app, "SELECT count(*) FROM drive_records WHERE id = ?", id)).isEqualTo(1);
  }

  @Test
  void anUpdatedIdThatIsMissingIsCreatedAndADeletedIdThatIsMissingIsIgnored() {
    UUID missing = UUID.randomUUID();
    a.pushOk(updated(edited(raw(missing, drive, "declined"), Map.of("language", "so"))));
    assertThat(versions(missing)).isEqualTo(1);
    assertThat(Sql.text(app, "SELECT language FROM drive_records WHERE id = ?", missing))
        .isEqualTo("so");

    UUID neverSeen = UUID.randomUUID();
    JsonNode answer =
        a.pushOk(changes(List.of(), List.of(), List.of(neverSeen.toString(), "not-a-uuid")));
    assertThat(answer.has("experimentalRejectedIds")).isFalse();
    assertThat(Sql.count(app, "SELECT count(*) FROM drive_records WHERE id = ?", neverSeen))
        .isZero();
  }

  @Test
  void deletesAreTombstonesThatOtherPhonesPull() {
    UUID id = idOf(recordOnBothPhones());
    a.pushOk(deleted(id));
    assertThat(Sql.text(app, "SELECT deleted FROM drive_records WHERE id = ?", id)).isEqualTo("t");
    JsonNode records = b.pull().get("changes").get("drive_records");
    assertThat(records.get("deleted")).extracting(JsonNode::asText).containsExactly(id.toString());
    assertThat(records.get("updated")).isEmpty();
  }

  @Test
  void aPushMeetingANewerServerChangeIs409AndAppliesNothing() {
    Map<String, Object> raw = recordOnBothPhones();
    UUID id = idOf(raw);
    b.pushOk(updated(edited(raw, Map.of("language", "pl"))));

    UUID alongside = UUID.randomUUID();
    Http.Reply refused =
        a.push(
            changes(
                List.of(raw(alongside, drive, "declined")),
                List.of(edited(raw, Map.of("age_band", "65+"))),
                List.of()));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("conflict");
    assertThat(refused.json().get("details").get("ids"))
        .extracting(JsonNode::asText)
        .containsExactly(id.toString());
    assertThat(Sql.count(app, "SELECT count(*) FROM drive_records WHERE id = ?", alongside))
        .isZero();
    assertThat(versions(id)).isEqualTo(2);

    // What the library does next: pull (which brings B's edit), merge per column, push again.
    JsonNode pulled = onlyRecord(a.pull());
    assertThat(pulled.get("language").asText()).isEqualTo("pl");
    Map<String, Object> merged = edited(raw, Map.of("age_band", "65+"));
    merged.put("language", "pl");
    a.pushOk(changes(List.of(raw(alongside, drive, "declined")), List.of(merged), List.of()));
    assertThat(
            Sql.text(app, "SELECT age_band || ' ' || language FROM drive_records WHERE id = ?", id))
        .isEqualTo("65+ pl");
    assertThat(Sql.count(app, "SELECT count(*) FROM drive_records WHERE id = ?", alongside))
        .isEqualTo(1);
  }

  @Test
  void aDeleteOnTheServerAfterThePullIs409ForAnEditAndAnIdenticalDeleteIsNot() {
    Map<String, Object> raw = recordOnBothPhones();
    UUID id = idOf(raw);
    b.pushOk(deleted(id));
    Http.Reply edit = a.push(updated(edited(raw, Map.of("outcome", "declined"))));
    assertThat(edit.status()).isEqualTo(409);
    assertThat(a.push(deleted(id)).status())
        .as("already deleted: nothing would change")
        .isEqualTo(200);
    assertThat(Sql.text(app, "SELECT deleted FROM drive_records WHERE id = ?", id)).isEqualTo("t");
  }

  @Test
  void aServerChangeToTheValuesThePushCarriesIsNotAConflict() {
    Map<String, Object> raw = recordOnBothPhones();
    UUID id = idOf(raw);
    b.pushOk(updated(edited(raw, Map.of("language", "pl"))));
    a.pushOk(updated(edited(raw, Map.of("language", "pl"))));
    assertThat(versions(id)).isEqualTo(2);
  }

  @Test
  void anIdenticalReplayAfterALostAnswerIs200ChangesNothingAndTheLedgerRecognisesIt() {
    UUID old = UUID.randomUUID();
    Map<String, Object> oldRaw = raw(old, drive, "pledged");
    a.pushOk(created(oldRaw));
    a.pull();
    UUID fresh = UUID.randomUUID();
    Map<String, Object> push =
        changes(
            List.of(raw(fresh, drive, "declined")),
            List.of(edited(oldRaw, Map.of("outcome", "registered_on_site"))),
            List.of());
    a.pushOk(push);
    long ledger =
        Sql.count(
            app, "SELECT count(*) FROM sync_mutations WHERE device_id = ?", phoneA.deviceId());
    String state =
        Sql.text(
            app,
            "SELECT string_agg(id::text || version || outcome, ',' ORDER BY id)"
                + " FROM drive_records WHERE id IN (?, ?)",
            old,
            fresh);

    JsonNode replay = a.pushOk(push);
    assertThat(replay.has("experimentalRejectedIds")).isFalse();
    assertThat(
            Sql.text(
                app,
                "SELECT string_agg(id::text || version || outcome, ',' ORDER BY id)"
                    + " FROM drive_records WHERE id IN (?, ?)",
                old,
                fresh))
        .isEqualTo(state);
    assertThat(versions(old)).isEqualTo(2);
    assertThat(versions(fresh)).isEqualTo(1);
    assertThat(
            Sql.count(
                app, "SELECT count(*) FROM sync_mutations WHERE device_id = ?", phoneA.deviceId()))
        .isEqualTo(ledger);
    assertThat(
            Sql.text(
                app,
                "SELECT details->>'replayed' FROM audit_events WHERE action = 'sync.watermelon_push'"
                    + " AND entity_id = ? ORDER BY seq DESC LIMIT 1",
                phoneA.deviceId().toString()))
        .isEqualTo("2");
  }

  @Test
  void anInvalidRecordIsQuarantinedAndReportedWhileTheRestApply() {
    Map<String, UUID> cases = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map.Entry<String, Object> bad :
        Map.<String, Object>of(
                "outcome",
                "Pledged",
                "recorded_at",
                "2026-03-14T18:22:05Z",
                "first_time_registrant",
                "yes",
                "colour",
                "red",
                "notes",
                "Sudanese")
            .entrySet()) {
      UUID id = UUID.randomUUID();
      Map<String, Object> row = raw(id, drive, "pledged");
      row.put(bad.getKey(), bad.getValue());
      rows.add(row);
      cases.put(bad.getKey(), id);
    }
    Map<String, Object> badId = raw(UUID.randomUUID(), drive, "pledged");
    badId.put("id", "record-1");
    rows.add(badId);
    UUID good = UUID.randomUUID();
    rows.add(raw(good, drive, "declined"));

    JsonNode answer = a.pushOk(changes(rows, List.of(), List.of()));
    List<String> rejected = new ArrayList<>();
    answer
        .get("experimentalRejectedIds")
        .get("drive_records")
        .forEach(id -> rejected.add(id.asText()));
    List<String> expected = new ArrayList<>(cases.values().stream().map(UUID::toString).toList());
    expected.add("record-1");
    assertThat(rejected).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(versions(good)).isEqualTo(1);
    assertThat(quarantineCode(cases.get("outcome"))).isEqualTo("invalid_field");
    assertThat(quarantineCode(cases.get("recorded_at"))).isEqualTo("invalid_field");
    assertThat(quarantineCode(cases.get("first_time_registrant"))).isEqualTo("invalid_field");
    assertThat(quarantineCode(cases.get("colour"))).isEqualTo("unknown_field");
    assertThat(quarantineCode(cases.get("notes"))).isEqualTo("forbidden_field");
    assertThat(
            Sql.text(
                app, "SELECT error_code FROM quarantined_mutations WHERE record_id = 'record-1'"))
        .isEqualTo("invalid_record");
    assertThat(
            Sql.count(
                app,
                "SELECT count(*) FROM quarantined_mutations WHERE payload::text LIKE '%Sudanese%'"))
        .isZero();
  }

  @Test
  void followUpColumnsCountWhenTheRecordIsNewOrTheyAreListedInChanged() {
    UUID withDetails = UUID.randomUUID();
    Map<String, Object> details = raw(withDetails, drive, "follow_up");
    details.putAll(
        Map.of(
            "follow_up_consent",
            true,
            "follow_up_notice_version",
            "2026-01",
            "follow_up_channel",
            "sms",
            "follow_up_name",
            "Amina Test",
            "follow_up_contact",
            "07700900123"));
    JsonNode answer = a.pushOk(created(details));
    assertFollowUp(
        answer, withDetails, List.of("channel", "consent", "contact", "name", "noticeVersion"));

    // A new record without details, then an edit whose follow-up columns are the nulls the phone
    // pulled: neither carries a follow-up.
    UUID plain = UUID.randomUUID();
    Map<String, Object> plainRaw = raw(plain, drive, "follow_up");
    assertThat(a.pushOk(created(plainRaw)).has("experimentalRejectedIds")).isFalse();
    a.pull();
    assertThat(
            a.pushOk(updated(edited(plainRaw, Map.of("language", "bn"))))
                .has("experimentalRejectedIds"))
        .isFalse();
    assertThat(versions(plain)).isEqualTo(2);

    Map<String, Object> channel = new LinkedHashMap<>(plainRaw);
    channel.put("language", "bn");
    a.pull();
    assertFollowUp(
        a.pushOk(updated(edited(channel, Map.of("follow_up_channel", "email")))),
        plain,
        List.of("channel"));

    for (JsonNode raw : b.pull().get("changes").get("drive_records").get("updated")) {
      for (String column :
          List.of(
              "follow_up_consent",
              "follow_up_notice_version",
              "follow_up_channel",
              "follow_up_name",
              "follow_up_contact")) {
        assertThat(raw.get(column).isNull()).as(column).isTrue();
      }
    }
  }

  @Test
  void changesToDrivesAreRefusedWhileEmptyDrivesListsAreNormal() {
    UUID id = UUID.randomUUID();
    Map<String, Object> body = created(raw(id, drive, "pledged"));
    Map<String, Object> renamed = new LinkedHashMap<>();
    renamed.put("id", drive.toString());
    renamed.put("name", "renamed by a phone");
    renamed.put("_status", "updated");
    renamed.put("_changed", "name");
    body.put(
        "drives", Map.of("created", List.of(), "updated", List.of(renamed), "deleted", List.of()));
    Http.Reply refused = a.push(body);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo("read_only_table");
    assertThat(Sql.count(app, "SELECT count(*) FROM drive_records WHERE id = ?", id)).isZero();
    body.put(
        "drives",
        Map.of("created", List.of(), "updated", List.of(), "deleted", List.of(drive.toString())));
    assertThat(a.push(body).code()).isEqualTo("read_only_table");

    Map<String, Object> unknownTable = created(raw(id, drive, "pledged"));
    unknownTable.put(
        "users", Map.of("created", List.of(), "updated", List.of(), "deleted", List.of()));
    assertThat(a.push(unknownTable).code()).isEqualTo("unknown_property");
    Map<String, Object> twice =
        changes(List.of(raw(id, drive, "pledged")), List.of(), List.of(id.toString()));
    assertThat(a.push(twice).code()).isEqualTo("validation_failed");
    assertThat(
            a.push(
                    Map.of(
                        "drive_records", Map.of("created", List.of(Map.of("outcome", "pledged")))))
                .code())
        .isEqualTo("validation_failed");
    assertThat(a.pushAt(a.lastPulledAt(), "[]").status()).isEqualTo(400);
    assertThat(a.pushAt(a.lastPulledAt(), "{\"drive_records\":").status()).isEqualTo(400);
    assertThat(a.pushOk(created(raw(id, drive, "pledged"))).has("experimentalRejectedIds"))
        .isFalse();
  }

  @Test
  void limitsTimestampsAndTokensAreChecked() {
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add(raw(UUID.randomUUID(), drive, "pledged"));
    }
    Http.Reply many = a.push(changes(tooMany, List.of(), List.of()));
    assertThat(many.status()).isEqualTo(413);
    assertThat(many.json().get("details").get("maxMutations").asInt()).isEqualTo(500);
    Map<String, Object> huge = raw(UUID.randomUUID(), drive, "pledged");
    huge.put("language", "x".repeat(1_100_000));
    Http.Reply big = a.push(created(huge));
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.json().get("details").get("maxBytes").asLong()).isEqualTo(1_048_576L);

    Map<String, Object> one = created(raw(UUID.randomUUID(), drive, "pledged"));
    assertThat(a.pushAt(null, one).status()).as("a push follows a pull").isEqualTo(400);
    assertThat(a.pushAt((1L << 53) - 1, one).status())
        .as("never handed out: pull first")
        .isEqualTo(409);
    Fixtures.Person organiser = fixtures.organiser(Fixtures.EAST_MIDLANDS);
    assertThat(
            app.http()
                .as(organiser.token())
                .post(WatermelonClient.PATH + "?last_pulled_at=1", one)
                .status())
        .isEqualTo(403);
    assertThat(app.http().post(WatermelonClient.PATH + "?last_pulled_at=1", one).status())
        .isEqualTo(401);
  }

  @Test
  void anotherParticipantsRecordIsNeitherAConflictNorDeletableAndUnassignedDrivesAreRefused() {
    UUID id = UUID.randomUUID();
    Map<String, Object> raw = raw(id, drive, "pledged");
    a.pushOk(created(raw));
    Phone stranger = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    fixtures
        .admin()
        .patch(
            "/api/v1/drives/" + drive,
            Map.of("participantIds", List.of(phoneA.participantId(), stranger.participantId())));
    WatermelonClient other = new WatermelonClient(app, stranger);
    other.pull();
    a.pull();
    a.pushOk(updated(edited(raw, Map.of("language", "pl"))));

    JsonNode answer = other.pushOk(updated(edited(raw, Map.of("outcome", "declined"))));
    assertThat(answer.get("experimentalRejectedIds").get("drive_records"))
        .extracting(JsonNode::asText)
        .containsExactly(id.toString());
    assertThat(quarantineCode(id)).isEqualTo("record_not_accessible");
    other.pushOk(deleted(id));
    assertThat(Sql.text(app, "SELECT deleted::text || outcome FROM drive_records WHERE id = ?", id))
        .isEqualTo("falsepledged");

    UUID elsewhere = fixtures.drive(Fixtures.EAST_MIDLANDS);
    UUID unassigned = UUID.randomUUID();
    JsonNode refused = a.pushOk(created(raw(unassigned, elsewhere, "pledged")));
    assertThat(refused.get("experimentalRejectedIds").get("drive_records"))
        .extracting(JsonNode::asText)
        .containsExactly(unassigned.toString());
    assertThat(quarantineCode(unassigned)).isEqualTo("drive_not_assigned");
  }

  @Test
  void aPhonesEditKeepsTheFinerTimeANativeClientRecorded() {
    SyncClient nativePhone = new SyncClient(app.http(), phoneA);
    UUID id = UUID.randomUUID();
    Map<String, Object> record = SyncClient.record(drive, "pledged");
    record.put("recordedAt", "2026-03-14T18:22:05.123456Z");
    nativePhone.push(nativePhone.upsert(id, null, record));
    JsonNode pulled = onlyRecord(a.pull());
    assertThat(pulled.get("recorded_at").asLong()).isEqualTo(1_773_512_525_123L);

    Map<String, Object> raw = raw(id, drive, "pledged");
    raw.put("recorded_at", pulled.get("recorded_at").asLong());
    a.pushOk(updated(edited(raw, Map.of("language", "pl"))));
    assertThat(
            Sql.text(
                app,
                "SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'SS.US') FROM drive_records WHERE id = ?",
                id))
        .isEqualTo("05.123456");
    assertThat(
            Sql.text(
                app,
                "SELECT fields->>'recordedAt' FROM drive_record_versions WHERE record_id = ? AND version = 2",
                id))
        .isEqualTo("2026-03-14T18:22:05.123456Z");
  }

  /**
   * Follow-up details go to the native record's followUp object, with only the keys that count. A
   * consented, complete follow-up is stored (encrypted) by the native machinery; a later change of
   * one column alone carries no consent, so that record is refused with consent_required,
   * quarantined with nothing personal kept, and reported.
   */
  private void assertFollowUp(JsonNode answer, UUID id, List<String> keys) {
    if (keys.contains("consent")) {
      assertThat(answer.has("experimentalRejectedIds")).as(answer.toString()).isFalse();
      assertThat(Sql.count(app, "SELECT count(*) FROM follow_ups WHERE record_id = ?", id))
          .isEqualTo(1);
    } else {
      assertThat(answer.get("experimentalRejectedIds").get("drive_records"))
          .extracting(JsonNode::asText)
          .containsExactly(id.toString());
      assertThat(quarantineCode(id)).isEqualTo("consent_required");
    }
    assertThat(
            Sql.count(
                app,
                "SELECT count(*) FROM quarantined_mutations"
                    + " WHERE payload::text LIKE '%Amina%' OR payload::text LIKE '%07700900123%'"))
        .isZero();
  }

  /** A record phone A created, once both phones have pulled it. */
  private Map<String, Object> recordOnBothPhones() {
    Map<String, Object> raw = raw(UUID.randomUUID(), drive, "pledged");
    a.pushOk(created(raw));
    a.pull();
    b.pull();
    return raw;
  }

  private static UUID idOf(Map<String, Object> raw) {
    return UUID.fromString((String) raw.get("id"));
  }

  private String quarantineCode(UUID id) {
    return Sql.text(
        app,
        "SELECT error_code FROM quarantined_mutations WHERE record_id = ?"
            + " ORDER BY received_at DESC LIMIT 1",
        id.toString());
  }

  private long versions(UUID id) {
    return Sql.count(app, "SELECT count(*) FROM drive_record_versions WHERE record_id = ?", id);
  }

  private static JsonNode onlyRecord(JsonNode pull) {
    JsonNode updated = pull.get("changes").get("drive_records").get("updated");
    assertThat(updated).hasSize(1);
    return updated.get(0);
  }
}
