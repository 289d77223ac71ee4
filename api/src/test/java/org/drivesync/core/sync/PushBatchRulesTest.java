package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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

/**
 * What one mutation of a push can and cannot do to its batch: a value PostgreSQL cannot store
 * rejects only its mutation, a repeated mutation id is a duplicate, and every instant is normalised
 * once, so what a push answers is what a pull delivers.
 */
class PushBatchRulesTest {
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

  private long stored(UUID id) {
    return Sql.count(app, "SELECT count(*) FROM drive_records WHERE id = ?", id);
  }

  @Test
  void aNulCharacterInsideOneMutationRejectsOnlyThatMutation() {
    Map<String, Object> inValue = SyncClient.record(drive, "pledged");
    inValue.put("language", "u\u0000r");
    Map<String, Object> inName = SyncClient.record(drive, "pledged");
    inName.put("notes\u0000", "x");
    UUID badValue = UUID.randomUUID();
    UUID badName = UUID.randomUUID();
    UUID good = UUID.randomUUID();
    JsonNode results =
        phone.push(
            phone.upsert(badValue, null, inValue),
            phone.upsert(badName, null, inName),
            phone.upsert(good, null, SyncClient.record(drive, "declined")));
    for (int i = 0; i < 2; i++) {
      assertThat(results.get(i).get("status").asText()).isEqualTo("rejected");
      assertThat(results.get(i).get("error").get("code").asText()).isEqualTo("invalid_character");
    }
    assertThat(results.get(0).get("error").get("message").asText()).startsWith("record.language");
    Map<String, Object> underAName = SyncClient.record(drive, "pledged");
    underAName.put("Fatima Begum", "u\u0000r");
    JsonNode named = phone.push(phone.upsert(UUID.randomUUID(), null, underAName)).get(0);
    assertThat(named.get("error").get("code").asText()).isEqualTo("invalid_character");
    assertThat(named.get("error").get("message").asText()).doesNotContain("Fatima");
    assertThat(results.get(2).get("status").asText()).isEqualTo("applied");
    assertThat(stored(good)).isEqualTo(1);
    assertThat(stored(badValue) + stored(badName)).isZero();
    assertThat(
            Sql.count(
                app,
                "SELECT count(*) FROM quarantined_mutations WHERE record_id IN (?, ?)",
                badValue.toString(),
                badName.toString()))
        .isEqualTo(2);
  }

  @Test
  void aLoneSurrogateInsideOneMutationRejectsOnlyThatMutation() {
    UUID bad = UUID.randomUUID();
    UUID good = UUID.randomUUID();
    String body =
        Http.JSON
            .valueToTree(
                phone.body(
                    List.of(
                        phone.upsert(bad, null, SyncClient.record(drive, "pledged")),
                        phone.upsert(good, null, SyncClient.record(drive, "pledged")))))
            .toString()
            .replaceFirst("\"language\":\"ur\"", "\"language\":\"\\\\ud800\"");
    assertThat(body).contains("\\ud800");
    Http.Reply reply =
        phone
            .http()
            .sendRaw(
                "POST",
                "/api/v1/sync/push",
                "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode results = reply.json().get("results");
    assertThat(results.get(0).get("error").get("code").asText()).isEqualTo("invalid_character");
    assertThat(results.get(1).get("status").asText()).isEqualTo("applied");
  }

  @Test
  void onlyAnEnvelopeThatCannotBeReadIsRefusedWhole() {
    Http.Reply reply =
        phone
            .http()
            .sendRaw(
                "POST",
                "/api/v1/sync/push",
                "application/json",
                ("{\"deviceId\":\""
                        + phone.phone().deviceId()
                        + "\u0000\",\"protocolVersion\":1,\"mutations\":[]}")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
  }

  @Test
  void aWatermelonRecordWithANulIsRejectedAloneToo() {
    WatermelonClient melon = new WatermelonClient(app, phone.phone());
    melon.pull();
    UUID bad = UUID.randomUUID();
    UUID good = UUID.randomUUID();
    Map<String, Object> badRaw = WatermelonClient.raw(bad, drive, "pledged");
    badRaw.put("language", "u\u0000r");
    JsonNode answer =
        melon.pushOk(
            WatermelonClient.created(badRaw, WatermelonClient.raw(good, drive, "declined")));
    assertThat(answer.get("experimentalRejectedIds").get("drive_records").toString())
        .isEqualTo("[\"" + bad + "\"]");
    assertThat(stored(good)).isEqualTo(1);
  }

  @Test
  void aMutationIdRepeatedInOnePushIsADuplicate() {
    UUID id = UUID.randomUUID();
    UUID mutationId = UUID.randomUUID();
    JsonNode results =
        phone.push(
            phone.mutation(mutationId, "upsert", id, null, SyncClient.record(drive, "pledged")),
            phone.mutation(mutationId, "upsert", id, null, SyncClient.record(drive, "declined")));
    assertThat(results.get(0).get("status").asText()).isEqualTo("applied");
    assertThat(results.get(1).get("status").asText()).isEqualTo("duplicate");
    assertThat(results.get(1).get("mutationId").asText()).isEqualTo(mutationId.toString());
    assertThat(Sql.count(app, "SELECT count(*) FROM drive_record_versions WHERE record_id = ?", id))
        .isEqualTo(1);
    assertThat(Sql.text(app, "SELECT outcome FROM drive_records WHERE id = ?", id))
        .isEqualTo("pledged");
  }

  @Test
  void anInstantIsKeptToTheMicrosecondAndAPushAnswersWhatAPullDelivers() {
    UUID id = UUID.randomUUID();
    Map<String, Object> record = SyncClient.record(drive, "pledged");
    record.put("recordedAt", "2026-03-14T18:22:05.123456789Z");
    JsonNode pushed = phone.push(phone.upsert(id, null, record)).get(0).get("record");
    assertThat(pushed.get("recordedAt").asText()).isEqualTo("2026-03-14T18:22:05.123456Z");
    JsonNode pulled =
        phone.pullAll().stream()
            .filter(c -> c.get("id").asText().equals(id.toString()))
            .findFirst()
            .orElseThrow()
            .get("record");
    assertThat(pulled.get("recordedAt")).isEqualTo(pushed.get("recordedAt"));

    // The phone's next edit, from its own copy, changes the outcome only: no recordedAt change.
    Map<String, Object> edit = SyncClient.record(drive, "declined");
    edit.put("recordedAt", "2026-03-14T18:22:05.123456789Z");
    JsonNode edited = phone.push(phone.upsert(id, 1L, edit)).get(0);
    assertThat(edited.get("status").asText()).as(edited.toString()).isEqualTo("applied");
    assertThat(edited.get("record").get("recordedAt").asText())
        .isEqualTo("2026-03-14T18:22:05.123456Z");
  }
}
