package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.WatermelonClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pull of the WatermelonDB profile (docs/clients/watermelondb.md), through HTTP. */
class WatermelonPullTest {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  private static final Set<String> RECORD_COLUMNS =
      Set.of(
          "id",
          "drive_id",
          "outcome",
          "guidance_ruleset",
          "guidance_basis",
          "guidance_registration",
          "guidance_elections",
          "guidance_signposts",
          "age_band",
          "first_time_registrant",
          "language",
          "recorded_at",
          "follow_up_consent",
          "follow_up_notice_version",
          "follow_up_channel",
          "follow_up_name",
          "follow_up_contact");

  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private SyncClient nativePhone;
  private WatermelonClient phone;
  private UUID drive;

  @BeforeEach
  void participantWithADrive() {
    Phone p = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    drive = fixtures.drive(Fixtures.EAST_MIDLANDS, p.participantId());
    nativePhone = new SyncClient(app.http(), p);
    phone = new WatermelonClient(app, p);
  }

  @Test
  void theFirstPullSendsTheDriveAndEveryLiveRecordAsUpdatedRawRecordsOfTheSchemasTypes() {
    UUID guided = UUID.randomUUID();
    Map<String, Object> record = SyncClient.record(drive, "registered_on_site");
    record.put("recordedAt", "2026-03-14T18:22:05.123Z");
    record.put(
        "guidance",
        Map.of(
            "rulesetVersion",
            "EA22-2024-05-07",
            "basis",
            "british",
            "registration",
            "yes",
            "elections",
            List.of("uk_parliament", "local_england"),
            "signposts",
            List.of("gov_uk_register")));
    nativePhone.push(nativePhone.upsert(guided, null, record));
    UUID deleted = UUID.randomUUID();
    nativePhone.push(nativePhone.upsert(deleted, null, SyncClient.record(drive, "pledged")));
    nativePhone.push(nativePhone.delete(deleted, 1L));

    JsonNode pull = phone.pull();
    assertThat(pull.get("timestamp").isIntegralNumber()).isTrue();
    assertThat(pull.get("timestamp").asLong()).isPositive().isLessThanOrEqualTo(MAX_SAFE_INTEGER);
    assertThat(pull.has("experimentalStrategy")).isFalse();
    JsonNode records = pull.get("changes").get("drive_records");
    assertThat(records.get("created")).isEmpty();
    assertThat(records.get("deleted")).as("a first sync needs no deletions").isEmpty();
    assertThat(records.get("updated")).hasSize(1);
    JsonNode raw = records.get("updated").get(0);
    assertThat(fieldNames(raw)).isEqualTo(new TreeSet<>(RECORD_COLUMNS));
    assertThat(raw.get("id").asText()).isEqualTo(guided.toString());
    assertThat(raw.get("drive_id").asText()).isEqualTo(drive.toString());
    assertThat(raw.get("recorded_at").isIntegralNumber()).isTrue();
    assertThat(raw.get("recorded_at").asLong()).isEqualTo(1_773_512_525_123L);
    assertThat(raw.get("first_time_registrant").isBoolean()).isTrue();
    assertThat(raw.get("guidance_ruleset").asText()).isEqualTo("EA22-2024-05-07");
    assertThat(raw.get("guidance_basis").asText()).isEqualTo("british");
    assertThat(raw.get("guidance_registration").asText()).isEqualTo("yes");
    assertThat(raw.get("guidance_elections").asText()).isEqualTo("local_england,uk_parliament");
    assertThat(raw.get("guidance_signposts").asText()).isEqualTo("gov_uk_register");
    for (String column :
        List.of(
            "follow_up_consent",
            "follow_up_notice_version",
            "follow_up_channel",
            "follow_up_name",
            "follow_up_contact")) {
      assertThat(raw.get(column).isNull()).as(column).isTrue();
    }

    JsonNode drives = pull.get("changes").get("drives");
    assertThat(drives.get("created")).isEmpty();
    assertThat(drives.get("updated")).hasSize(1);
    JsonNode rawDrive = drives.get("updated").get(0);
    assertThat(fieldNames(rawDrive))
        .containsExactlyInAnyOrder(
            "id",
            "name",
            "local_authority",
            "region",
            "venue_type",
            "starts_on",
            "ends_on",
            "status");
    assertThat(rawDrive.get("id").asText()).isEqualTo(drive.toString());
    assertThat(rawDrive.get("local_authority").asText()).isEqualTo("E06000016");
    assertThat(rawDrive.get("region").asText()).isEqualTo(Fixtures.EAST_MIDLANDS);
    assertThat(rawDrive.get("starts_on").asText()).isEqualTo("2026-01-01");
  }

  @Test
  void laterPullsSendChangesDeletionsAndEvictionsWithTimestampsThatNeverDecrease() {
    List<Long> timestamps = new ArrayList<>();
    phone.pull();
    timestamps.add(phone.lastPulledAt());
    UUID id = UUID.randomUUID();
    nativePhone.push(nativePhone.upsert(id, null, SyncClient.record(drive, "pledged")));
    JsonNode changed = phone.pull().get("changes");
    timestamps.add(phone.lastPulledAt());
    assertThat(ids(changed.get("drive_records").get("updated"))).containsExactly(id.toString());
    assertThat(changed.get("drives").get("updated")).as("the drive did not change").isEmpty();

    JsonNode quiet = phone.pull().get("changes");
    timestamps.add(phone.lastPulledAt());
    assertThat(quiet.get("drive_records").get("updated")).isEmpty();

    nativePhone.push(nativePhone.delete(id, 1L));
    JsonNode deletion = phone.pull().get("changes").get("drive_records");
    timestamps.add(phone.lastPulledAt());
    assertThat(deletion.get("updated")).isEmpty();
    assertThat(deletion.get("deleted")).extracting(JsonNode::asText).containsExactly(id.toString());

    fixtures.admin().patch("/api/v1/drives/" + drive, Map.of("participantIds", List.of()));
    JsonNode eviction = phone.pull().get("changes").get("drives");
    timestamps.add(phone.lastPulledAt());
    assertThat(eviction.get("deleted"))
        .extracting(JsonNode::asText)
        .containsExactly(drive.toString());
    assertThat(timestamps).isSorted();
  }

  @Test
  void aChangeCommittedAfterALaterOneIsStillServed() throws Exception {
    UUID slow = UUID.randomUUID();
    nativePhone.push(nativePhone.upsert(slow, null, SyncClient.record(drive, "pledged")));
    phone.pull();
    try (Connection c = app.database().ownerDataSource().getConnection()) {
      c.setAutoCommit(false);
      long slowXid;
      try (Statement s = c.createStatement()) {
        // What SyncPushService's upsert does, in a transaction that stays open for a while.
        s.executeUpdate(
            "UPDATE drive_records SET language = 'pl', "
                + "change_xid = pg_current_xact_id()::text::bigint WHERE id = '"
                + slow
                + "'");
        try (ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
          rs.next();
          slowXid = rs.getLong(1);
        }
      }
      UUID fast = UUID.randomUUID();
      nativePhone.push(nativePhone.upsert(fast, null, SyncClient.record(drive, "declined")));
      // Not phone.pull(), which would wait for the open transaction to end.
      JsonNode during =
          phone
              .http()
              .get(
                  WatermelonClient.PATH
                      + "?last_pulled_at="
                      + phone.lastPulledAt()
                      + "&schema_version=1")
              .json();
      long timestamp = during.get("timestamp").asLong();
      assertThat(timestamp).as("not past the open transaction").isLessThanOrEqualTo(slowXid);
      assertThat(ids(during.get("changes").get("drive_records").get("updated")))
          .doesNotContain(slow.toString());
      c.commit();

      JsonNode after =
          phone
              .pullRaw("last_pulled_at=" + timestamp + "&")
              .json()
              .get("changes")
              .get("drive_records")
              .get("updated");
      assertThat(ids(after)).contains(slow.toString(), fast.toString());
      JsonNode slowRaw = after.get(ids(after).indexOf(slow.toString()));
      assertThat(slowRaw.get("language").asText()).isEqualTo("pl");
    }
  }

  @Test
  void aPullLargerThanAFeedPageIsServedWhole() {
    List<String> pushed = new ArrayList<>();
    for (int batch = 0; batch < 3; batch++) {
      List<Map<String, Object>> mutations = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        UUID id = UUID.randomUUID();
        pushed.add(id.toString());
        mutations.add(nativePhone.upsert(id, null, SyncClient.record(drive, "pledged")));
      }
      nativePhone.push(mutations);
    }
    JsonNode records = phone.pull().get("changes").get("drive_records").get("updated");
    assertThat(ids(records)).containsExactlyInAnyOrderElementsOf(pushed);
  }

  @Test
  void unsupportedSchemaVersionsAre426AndAMissingOneIs400() {
    Http.Reply newer = phone.http().get(WatermelonClient.PATH + "?schema_version=2");
    assertThat(newer.status()).isEqualTo(426);
    assertThat(newer.code()).isEqualTo("unsupported_schema_version");
    assertThat(newer.json().get("details").get("min").asInt()).isEqualTo(1);
    assertThat(newer.json().get("details").get("max").asInt()).isEqualTo(1);
    assertThat(phone.http().get(WatermelonClient.PATH + "?schema_version=0").status())
        .isEqualTo(426);
    assertThat(phone.http().get(WatermelonClient.PATH).status()).isEqualTo(400);
    assertThat(phone.http().get(WatermelonClient.PATH + "?schema_version=one").status())
        .isEqualTo(400);
  }

  @Test
  void aMigrationBringsTheRowsOfTheTablesAndColumnsTheAppAdded() {
    UUID speaksUrdu = UUID.randomUUID();
    UUID noLanguage = UUID.randomUUID();
    nativePhone.push(nativePhone.upsert(speaksUrdu, null, SyncClient.record(drive, "pledged")));
    Map<String, Object> silent = SyncClient.record(drive, "declined");
    silent.put("language", null);
    nativePhone.push(nativePhone.upsert(noLanguage, null, silent));
    phone.pull();

    JsonNode drives = migrate("{\"from\":1,\"tables\":[\"drives\"],\"columns\":[]}");
    assertThat(ids(drives.get("drives").get("updated"))).containsExactly(drive.toString());
    assertThat(drives.get("drive_records").get("updated")).isEmpty();
    JsonNode language =
        migrate(
            "{\"from\":1,\"tables\":[],\"columns\":[{\"table\":\"drive_records\",\"columns\":[\"language\"]}]}");
    assertThat(ids(language.get("drive_records").get("updated")))
        .containsExactly(speaksUrdu.toString());
    JsonNode writeOnly =
        migrate(
            "{\"from\":1,\"tables\":[],\"columns\":[{\"table\":\"drive_records\",\"columns\":[\"follow_up_name\"]}]}");
    assertThat(writeOnly.get("drive_records").get("updated")).as("always null").isEmpty();
    JsonNode records = migrate("{\"from\":1,\"tables\":[\"drive_records\"],\"columns\":[]}");
    assertThat(ids(records.get("drive_records").get("updated")))
        .containsExactlyInAnyOrder(speaksUrdu.toString(), noLanguage.toString());
    assertThat(migrateRaw("null").status()).isEqualTo(200);

    for (String bad :
        List.of(
            "{\"from\":1,\"tables\":[\"users\"],\"columns\":[]}",
            "{\"from\":1,\"tables\":[],\"columns\":[{\"table\":\"drive_records\",\"columns\":[\"recorded_by\"]}]}",
            "{\"from\":1,\"tables\":[]}",
            "{\"tables\":[],\"columns\":[]}",
            "[1]",
            "{not json")) {
      Http.Reply refused = migrateRaw(bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.code()).as(bad).isEqualTo("validation_failed");
    }
  }

  @Test
  void aPositionTheServerCannotServeIncrementallyGetsTheFullSetAsAReplacement() throws Exception {
    UUID id = UUID.randomUUID();
    nativePhone.push(nativePhone.upsert(id, null, SyncClient.record(drive, "pledged")));
    JsonNode future = phone.pullRaw("last_pulled_at=" + MAX_SAFE_INTEGER + "&").json();
    assertThat(future.get("experimentalStrategy").asText()).isEqualTo("replacement");
    assertThat(ids(future.get("changes").get("drive_records").get("updated")))
        .containsExactly(id.toString());
    assertThat(ids(future.get("changes").get("drives").get("updated")))
        .containsExactly(drive.toString());

    try (Connection c = app.database().ownerDataSource().getConnection()) {
      c.createStatement().execute("UPDATE sync_state SET purged_through_xid = 10");
      try {
        JsonNode purged = phone.pullRaw("last_pulled_at=5&").json();
        assertThat(purged.get("experimentalStrategy").asText()).isEqualTo("replacement");
        assertThat(ids(purged.get("changes").get("drive_records").get("updated")))
            .containsExactly(id.toString());
      } finally {
        c.createStatement().execute("UPDATE sync_state SET purged_through_xid = 0");
      }
    }
    for (String bad : List.of("abc", "-5", "1.5", "9007199254740992", "12345678901234567890")) {
      Http.Reply refused = phone.pullRaw("last_pulled_at=" + bad + "&");
      assertThat(refused.status()).as(bad).isEqualTo(400);
    }
    assertThat(phone.pullRaw("last_pulled_at=null&").json().has("experimentalStrategy"))
        .as("null is a first sync, as in the library's documentation")
        .isFalse();
  }

  @Test
  void onlyDeviceTokensPullAndOnlyTheirParticipantsRows() {
    Phone other = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    UUID otherDrive = fixtures.drive(Fixtures.EAST_MIDLANDS, other.participantId());
    SyncClient otherNative = new SyncClient(app.http(), other);
    otherNative.push(
        otherNative.upsert(UUID.randomUUID(), null, SyncClient.record(otherDrive, "pledged")));

    JsonNode changes = phone.pull().get("changes");
    assertThat(changes.get("drive_records").get("updated")).isEmpty();
    assertThat(ids(changes.get("drives").get("updated"))).containsExactly(drive.toString());

    Fixtures.Person organiser = fixtures.organiser(Fixtures.EAST_MIDLANDS);
    assertThat(
            app.http()
                .as(organiser.token())
                .get(WatermelonClient.PATH + "?schema_version=1")
                .status())
        .isEqualTo(403);
    assertThat(app.http().get(WatermelonClient.PATH + "?schema_version=1").status()).isEqualTo(401);
  }

  private JsonNode migrate(String migration) {
    Http.Reply reply = migrateRaw(migration);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().get("changes");
  }

  private Http.Reply migrateRaw(String migration) {
    return phone.pullRaw(
        "last_pulled_at="
            + phone.lastPulledAt()
            + "&migration="
            + URLEncoder.encode(migration, StandardCharsets.UTF_8)
            + "&");
  }

  private static List<String> ids(JsonNode rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.isTextual() ? row.asText() : row.get("id").asText()));
    return ids;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
