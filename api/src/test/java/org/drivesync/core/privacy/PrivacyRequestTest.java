package org.drivesync.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Audit;
import org.drivesync.testing.Db;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subject access and erasure, by phone, email or record id, for staff. */
class PrivacyRequestTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private final Db db = new Db(app);
  // Unique per test so the shared database's other follow-ups never match.
  private final String digits = String.format("%06d", (int) (Math.random() * 1_000_000));
  private final String national = "07700 9" + digits.substring(1);
  private final String email = "farah." + digits + "@example.org";
  private Http staff;
  private Audit audit;
  private SyncClient device;
  private UUID drive;

  @BeforeEach
  void aParticipantWithADrive() {
    staff = app.http().as(fixtures.staff().token());
    audit = new Audit(staff);
    Phone p = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    drive = fixtures.drive(Fixtures.EAST_MIDLANDS, p.participantId());
    device = new SyncClient(app.http(), p);
  }

  private UUID capture(String channel, String contact) {
    UUID id = UUID.randomUUID();
    Map<String, Object> record =
        SyncClient.recordWithFollowUp(
            drive, SyncClient.followUp(channel, "Farah " + digits, contact));
    assertThat(device.push(device.upsert(id, null, record)).get(0).get("status").asText())
        .isEqualTo("applied");
    return id;
  }

  @Test
  void subjectAccessFindsEverythingHeldByPhoneInAnySpelling() {
    UUID first = capture("sms", national);
    UUID second = capture("phone", "+44 " + national.substring(1));
    capture("email", email);
    Map<String, Object> edit = SyncClient.record(drive, "registered_on_site");
    device.push(device.upsert(first, 1L, edit));

    Http.Reply reply =
        staff.post(
            "/api/v1/privacy/access-requests", Map.of("phone", "+44 (0)" + national.substring(1)));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode report = reply.json();
    assertThat(report.get("matchedBy").asText()).isEqualTo("phone");
    assertThat(report.get("followUps"))
        .extracting(f -> f.get("recordId").asText())
        .containsExactlyInAnyOrder(first.toString(), second.toString());
    JsonNode firstReport = find(report.get("followUps"), first);
    assertThat(firstReport.get("name").asText()).isEqualTo("Farah " + digits);
    assertThat(firstReport.get("contact").asText())
        .isEqualTo("+447700" + "9" + digits.substring(1));
    assertThat(firstReport.get("conversation").get("outcome").asText())
        .isEqualTo("registered_on_site");
    assertThat(firstReport.get("history")).hasSize(2);
    assertThat(report.get("account").isNull()).isTrue();
    assertThat(report.get("notes")).isNotEmpty();
    assertThat(reply.text())
        .as("no third-party data: the volunteer and their phone")
        .doesNotContain(device.phone().participantId().toString())
        .doesNotContain(device.phone().deviceId().toString());

    JsonNode event = audit.last("privacy.access_request");
    assertThat(event.get("details").get("followUps").asInt()).isEqualTo(2);
    assertThat(event.toString()).doesNotContain(digits.substring(1)).doesNotContain("Farah");
  }

  @Test
  void subjectAccessByEmailIncludesAMatchingAccount() {
    String address = "volunteer-" + digits + "@example.org";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Gita " + digits);
    body.put("email", address);
    body.put("role", "organiser");
    body.put("password", "correct horse battery staple");
    body.put("regions", List.of(Fixtures.EAST_MIDLANDS));
    assertThat(fixtures.admin().post("/api/v1/users", body).status()).isEqualTo(201);
    JsonNode report =
        staff
            .post(
                "/api/v1/privacy/access-requests",
                Map.of("email", " Volunteer-" + digits + "@Example.org"))
            .json();
    assertThat(report.get("account").get("name").asText()).isEqualTo("Gita " + digits);
    assertThat(report.get("followUps")).isEmpty();
    assertThat(report.toString()).doesNotContain("password");
  }

  @Test
  void erasureByPhoneRemovesTheContactsKeepsTheOutcomesAndTheChainStillVerifies() {
    UUID first = capture("sms", national);
    UUID second = capture("phone", "0044" + national.substring(1));
    UUID other = capture("email", email);

    Http.Reply reply = staff.post("/api/v1/privacy/erasure", Map.of("phone", national));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("followUpsErased").asInt()).isEqualTo(2);
    assertThat(reply.json().get("recordIds"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(first.toString(), second.toString());

    assertThat(
            db.count(
                "SELECT count(*) FROM follow_ups WHERE record_id IN (?, ?)"
                    + " AND (contact_ciphertext IS NOT NULL OR name_ciphertext IS NOT NULL"
                    + " OR phone_hmac IS NOT NULL OR withdrawn_at IS NULL)",
                first,
                second))
        .isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM follow_ups WHERE record_id = ? AND erased_at IS NULL", other))
        .isEqualTo(1);
    assertThat(
            db.count(
                "SELECT count(*) FROM drive_records WHERE id IN (?, ?) AND outcome = 'follow_up'",
                first,
                second))
        .as("the anonymous outcomes stay")
        .isEqualTo(2);

    JsonNode event = audit.last("privacy.erasure");
    assertThat(event.get("details").properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("matchedBy", "followUpsErased", "recordIds", "accountMatched");
    assertThat(event.toString()).doesNotContain(digits.substring(1)).doesNotContain("Farah");
    assertThat(audit.chainIntact()).isTrue();

    assertThat(
            staff
                .post("/api/v1/privacy/access-requests", Map.of("phone", national))
                .json()
                .get("followUps"))
        .isEmpty();
    // A device re-sending the record with its follow-up does not bring the contact back.
    device.push(
        device.upsert(
            first,
            1L,
            SyncClient.recordWithFollowUp(
                drive, SyncClient.followUp("sms", "Farah " + digits, national))));
    assertThat(
            db.count(
                "SELECT count(*) FROM follow_ups WHERE record_id = ?"
                    + " AND contact_ciphertext IS NOT NULL",
                first))
        .isZero();
  }

  @Test
  void erasureByRecordIdAndRepeatingItIsHarmless() {
    UUID id = capture("email", email);
    JsonNode first =
        staff.post("/api/v1/privacy/erasure", Map.of("recordId", id.toString())).json();
    assertThat(first.get("followUpsErased").asInt()).isEqualTo(1);
    assertThat(first.get("matchedBy").asText()).isEqualTo("recordId");
    JsonNode again =
        staff.post("/api/v1/privacy/erasure", Map.of("recordId", id.toString())).json();
    assertThat(again.get("followUpsErased").asInt()).isZero();
    assertThat(
            staff
                .post("/api/v1/privacy/access-requests", Map.of("email", email))
                .json()
                .get("followUps"))
        .isEmpty();
  }

  @Test
  void aRequestNamesExactlyOnePersonWellFormed() {
    String path = "/api/v1/privacy/erasure";
    assertThat(staff.post(path, Map.of()).code()).isEqualTo("validation_failed");
    assertThat(staff.post(path, Map.of("phone", national, "email", email)).code())
        .isEqualTo("validation_failed");
    Http.Reply badPhone = staff.post(path, Map.of("phone", "call Farah"));
    assertThat(badPhone.status()).isEqualTo(400);
    assertThat(badPhone.text()).doesNotContain("Farah");
    assertThat(staff.post(path, Map.of("name", "Farah")).code()).isEqualTo("unknown_property");
    assertThat(
            staff
                .post(
                    "/api/v1/privacy/access-requests",
                    Map.of("recordId", UUID.randomUUID().toString()))
                .code())
        .isEqualTo("unknown_property");
  }

  private static JsonNode find(JsonNode followUps, UUID id) {
    for (JsonNode f : followUps) {
      if (f.get("recordId").asText().equals(id.toString())) {
        return f;
      }
    }
    throw new AssertionError("no follow-up " + id);
  }
}
