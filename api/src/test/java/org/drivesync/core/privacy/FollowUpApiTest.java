package org.drivesync.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.drivesync.db.Jdbis;
import org.drivesync.testing.Audit;
import org.drivesync.testing.Db;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff's follow-up work list: a stated, audited reason to read; done; withdrawal; retention. */
class FollowUpApiTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private final Db db = new Db(app);
  private final String suffix = UUID.randomUUID().toString().substring(0, 6);
  private final String digits = String.format("%03d", (int) (Math.random() * 1000));
  private Http staff;
  private Audit audit;
  private SyncClient device;
  private UUID drive;

  @BeforeEach
  void aCapturedFollowUp() {
    staff = app.http().as(fixtures.staff().token());
    audit = new Audit(staff);
    Phone p = fixtures.participantWithPhone(Fixtures.WEST_MIDLANDS);
    drive = fixtures.drive(Fixtures.WEST_MIDLANDS, p.participantId());
    device = new SyncClient(app.http(), p);
  }

  private UUID capture(String name, String channel, String contact) {
    UUID id = UUID.randomUUID();
    Map<String, Object> record =
        SyncClient.recordWithFollowUp(drive, SyncClient.followUp(channel, name, contact));
    assertThat(device.push(device.upsert(id, null, record)).get(0).get("status").asText())
        .isEqualTo("applied");
    return id;
  }

  private JsonNode list(String reason) {
    Http.Reply reply = staff.get("/api/v1/follow-ups?driveId=" + drive + "&reason=" + reason);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().get("followUps");
  }

  @Test
  void theWorkListNeedsAStatedReasonAndIsAuditedWithTheRecordsShown() {
    UUID id = capture("Bilal " + suffix, "phone", "+44 121 496 0" + digits);
    for (String missing : new String[] {"", "&reason=", "&reason=%20%20"}) {
      Http.Reply refused = staff.get("/api/v1/follow-ups?driveId=" + drive + missing);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.code()).isEqualTo("validation_failed");
      assertThat(refused.json().get("details").get("fields").has("reason")).isTrue();
    }
    JsonNode followUps = list("weekly%20call-backs");
    assertThat(followUps).hasSize(1);
    JsonNode item = followUps.get(0);
    assertThat(item.get("recordId").asText()).isEqualTo(id.toString());
    assertThat(item.get("name").asText()).isEqualTo("Bilal " + suffix);
    assertThat(item.get("contact").asText()).startsWith("+44121496");
    assertThat(item.get("language").asText()).isEqualTo("ur");
    assertThat(item.get("region").asText()).isEqualTo(Fixtures.WEST_MIDLANDS);

    JsonNode event = audit.last("follow_up.list");
    assertThat(event.get("details").get("reason").asText()).isEqualTo("weekly call-backs");
    assertThat(event.get("details").get("recordIds").toString()).contains(id.toString());
    assertThat(event.toString()).doesNotContain("Bilal").doesNotContain("+44121");
  }

  @Test
  void aDoneFollowUpLeavesTheListAndRetentionErasesItAndOldOnes() {
    UUID done = capture("Chen " + suffix, "email", "chen." + suffix + "@example.org");
    UUID old = capture("Dara " + suffix, "sms", "07700 900" + digits);
    UUID fresh = capture(null, "sms", "07700 900999");
    Http.Reply marked = staff.post("/api/v1/follow-ups/" + done + "/done", Map.of());
    assertThat(marked.status()).isEqualTo(200);
    assertThat(marked.json().get("doneAt").isNull()).isFalse();
    assertThat(marked.text()).doesNotContain("Chen").doesNotContain("example.org");
    assertThat(staff.post("/api/v1/follow-ups/" + done + "/done", Map.of()).status())
        .isEqualTo(200);
    assertThat(audit.last("follow_up.done").get("entityId").asText()).isEqualTo(done.toString());
    assertThat(list("check"))
        .extracting(f -> f.get("recordId").asText())
        .containsExactlyInAnyOrder(old.toString(), fresh.toString());

    db.execute(
        "UPDATE follow_ups SET captured_at = now() - interval '91 days' WHERE record_id = ?", old);
    RetentionService.Run run =
        new RetentionService(
                Jdbis.over(app.database().appDataSource()), TestKeys.auditLog(), Clock.systemUTC())
            .run(90, "test", n -> {});
    assertThat(run.erasedDone()).isGreaterThanOrEqualTo(1);
    assertThat(run.erasedExpired()).isGreaterThanOrEqualTo(1);
    assertThat(db.row("SELECT erasure_reason FROM follow_ups WHERE record_id = ?", done))
        .containsEntry("erasure_reason", "done");
    assertThat(db.row("SELECT erasure_reason FROM follow_ups WHERE record_id = ?", old))
        .containsEntry("erasure_reason", "retention");
    assertThat(
            db.count(
                "SELECT count(*) FROM follow_ups WHERE record_id IN (?, ?)"
                    + " AND (contact_ciphertext IS NOT NULL OR name_ciphertext IS NOT NULL"
                    + " OR phone_hmac IS NOT NULL OR email_hmac IS NOT NULL)",
                done,
                old))
        .isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM follow_ups WHERE record_id = ? AND erased_at IS NULL", fresh))
        .isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM drive_records WHERE id IN (?, ?)", done, old))
        .as("the anonymous outcomes stay")
        .isEqualTo(2);

    JsonNode event = audit.last("privacy.retention");
    assertThat(event.get("details").properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("trigger", "retentionDays", "erasedDone", "erasedExpired");
    assertThat(event.get("actorUserId").isNull()).isTrue();
  }

  @Test
  void aWithdrawalErasesTheContactAtOnceAndStays() {
    UUID id = capture("Esi " + suffix, "sms", "07700 900123");
    Http.Reply withdrawn = staff.post("/api/v1/follow-ups/" + id + "/withdrawal", Map.of());
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.json().get("erasureReason").asText()).isEqualTo("withdrawn");
    assertThat(withdrawn.json().get("withdrawnAt").isNull()).isFalse();
    assertThat(
            db.row(
                    "SELECT contact_ciphertext, name_ciphertext, phone_hmac FROM follow_ups"
                        + " WHERE record_id = ?",
                    id)
                .values())
        .containsOnlyNulls();
    assertThat(staff.post("/api/v1/follow-ups/" + id + "/withdrawal", Map.of()).json())
        .isEqualTo(withdrawn.json());
    Http.Reply done = staff.post("/api/v1/follow-ups/" + id + "/done", Map.of());
    assertThat(done.status()).isEqualTo(409);
    assertThat(done.code()).isEqualTo("invalid_transition");
    assertThat(list("after%20withdrawal")).isEmpty();
    assertThat(audit.last("follow_up.withdraw").get("entityId").asText()).isEqualTo(id.toString());
  }

  @Test
  void aRecordWithoutAFollowUpIsNotFound() {
    assertThat(staff.post("/api/v1/follow-ups/" + UUID.randomUUID() + "/done", Map.of()).status())
        .isEqualTo(404);
    assertThat(staff.get("/api/v1/follow-ups?reason=x&limit=0").status()).isEqualTo(400);
    assertThat(staff.get("/api/v1/follow-ups?reason=x&region=E99").status()).isEqualTo(400);
  }
}
