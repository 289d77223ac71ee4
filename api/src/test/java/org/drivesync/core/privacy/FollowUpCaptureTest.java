package org.drivesync.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.privacy.ContactCrypto;
import org.drivesync.privacy.ContactCrypto.Column;
import org.drivesync.privacy.ContactKind;
import org.drivesync.privacy.ContactNormaliser;
import org.drivesync.testing.Db;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A consented follow-up on the native protocol: stored encrypted, write-only, never merged. */
class FollowUpCaptureTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private final Db db = new Db(app);
  private final ContactCrypto crypto = TestKeys.crypto();
  private final String name = "Amina Capture-" + UUID.randomUUID().toString().substring(0, 8);
  private final String phoneNumber = "07700 9" + (10000 + (int) (Math.random() * 89999));
  private SyncClient device;
  private UUID drive;

  @BeforeEach
  void participantWithADrive() {
    Phone p = fixtures.participantWithPhone(Fixtures.YORKSHIRE);
    drive = fixtures.drive(Fixtures.YORKSHIRE, p.participantId());
    device = new SyncClient(app.http(), p);
  }

  private String e164() {
    return ContactNormaliser.phone(phoneNumber);
  }

  @Test
  void aConsentedFollowUpIsStoredEncryptedAndNeverComesBack() throws InterruptedException {
    UUID id = UUID.randomUUID();
    JsonNode result =
        device
            .push(
                device.upsert(
                    id,
                    null,
                    SyncClient.recordWithFollowUp(
                        drive, SyncClient.followUp("sms", name, phoneNumber))))
            .get(0);
    assertThat(result.get("status").asText()).isEqualTo("applied");
    assertThat(result.toString())
        .doesNotContain(name)
        .doesNotContain(e164().substring(3))
        .doesNotContain("followUp");

    Map<String, Object> row = db.row("SELECT * FROM follow_ups WHERE record_id = ?", id);
    byte[] contact = (byte[]) row.get("contact_ciphertext");
    byte[] sealedName = (byte[]) row.get("name_ciphertext");
    assertThat(new String(contact, StandardCharsets.ISO_8859_1))
        .doesNotContain(e164().substring(3));
    assertThat(crypto.decrypt(Column.CONTACT, id, contact)).isEqualTo(e164());
    assertThat(crypto.decrypt(Column.NAME, id, sealedName)).isEqualTo(name);
    assertThat((byte[]) row.get("phone_hmac"))
        .isEqualTo(crypto.lookupHash(ContactKind.PHONE, e164()));
    assertThat(row.get("email_hmac")).isNull();
    assertThat(row).containsEntry("channel", "sms").containsEntry("notice_version", "2026-03");

    // Not in the version history, the idempotency ledger, or anything a device pulls.
    assertThat(
            db.count(
                "SELECT count(*) FROM drive_record_versions WHERE record_id = ?"
                    + " AND (jsonb_exists(fields, 'followUp') OR fields::text LIKE ?)",
                id,
                "%" + name + "%"))
        .isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM sync_mutations WHERE record_id = ?"
                    + " AND result::text LIKE ?",
                id,
                "%" + name + "%"))
        .isZero();
    List<JsonNode> pulled = pullUntilServed(id);
    assertThat(pulled).anySatisfy(c -> assertThat(c.get("id").asText()).isEqualTo(id.toString()));
    assertThat(pulled.toString())
        .doesNotContain(name)
        .doesNotContain(e164())
        .doesNotContain("followUp");
  }

  /**
   * The feed serves a change once every transaction older than it has finished, server-wide
   * (docs/sync-protocol.md); another database's long transaction can hold it back a moment.
   */
  private List<JsonNode> pullUntilServed(UUID id) throws InterruptedException {
    List<JsonNode> pulled = new java.util.ArrayList<>(device.pullAll());
    for (int i = 0;
        i < 100 && pulled.stream().noneMatch(c -> c.get("id").asText().equals(id.toString()));
        i++) {
      Thread.sleep(100);
      pulled.addAll(device.pullAll());
    }
    return pulled;
  }

  @Test
  void withoutConsentTheMutationIsRejectedAndNothingOfItIsKept() {
    Map<String, Object> followUp =
        SyncClient.followUp("email", name, name.replace(' ', '.') + "@example.org");
    followUp.put("consent", false);
    UUID id = UUID.randomUUID();
    JsonNode result =
        device.push(device.upsert(id, null, SyncClient.recordWithFollowUp(drive, followUp))).get(0);
    assertThat(result.get("status").asText()).isEqualTo("rejected");
    assertThat(result.get("error").get("code").asText()).isEqualTo("consent_required");
    assertThat(db.count("SELECT count(*) FROM drive_records WHERE id = ?", id)).isZero();
    assertThat(db.count("SELECT count(*) FROM follow_ups WHERE record_id = ?", id)).isZero();
    Map<String, Object> quarantined =
        db.row(
            "SELECT payload::text AS payload FROM quarantined_mutations WHERE record_id = ?",
            id.toString());
    assertThat((String) quarantined.get("payload"))
        .contains("\"consent\": false")
        .doesNotContain(name)
        .doesNotContain("example.org");
  }

  @Test
  void aBadContactIsRejectedWithoutEchoingIt() {
    UUID id = UUID.randomUUID();
    JsonNode result =
        device
            .push(
                device.upsert(
                    id,
                    null,
                    SyncClient.recordWithFollowUp(
                        drive, SyncClient.followUp("email", name, phoneNumber))))
            .get(0);
    assertThat(result.get("error").get("code").asText()).isEqualTo("invalid_field");
    assertThat(result.toString()).doesNotContain(phoneNumber).doesNotContain(name);
    assertThat(db.count("SELECT count(*) FROM follow_ups WHERE record_id = ?", id)).isZero();
  }

  @Test
  void theLatestConsentedFollowUpWinsWhileOpenAndResendingItDoesNotRestartRetention() {
    UUID id = UUID.randomUUID();
    device.push(
        device.upsert(
            id,
            null,
            SyncClient.recordWithFollowUp(drive, SyncClient.followUp("sms", name, phoneNumber))));
    Map<String, Object> newer = SyncClient.followUp("email", null, "amina.capture@example.org");
    Map<String, Object> edited = SyncClient.recordWithFollowUp(drive, newer);
    edited.put("language", "pl");
    assertThat(device.push(device.upsert(id, 1L, edited)).get(0).get("status").asText())
        .isEqualTo("applied");
    Map<String, Object> row = db.row("SELECT * FROM follow_ups WHERE record_id = ?", id);
    assertThat(crypto.decrypt(Column.CONTACT, id, (byte[]) row.get("contact_ciphertext")))
        .isEqualTo("amina.capture@example.org");
    assertThat(row.get("name_ciphertext")).isNull();
    assertThat(row.get("phone_hmac")).isNull();
    assertThat(row).containsEntry("channel", "email");
    Object captured = row.get("captured_at");

    edited.put("ageBand", "50-64");
    device.push(device.upsert(id, 2L, edited));
    assertThat(
            db.row("SELECT captured_at FROM follow_ups WHERE record_id = ?", id).get("captured_at"))
        .isEqualTo(captured);
  }

  @Test
  void anErasedFollowUpStaysErasedWhenADeviceResendsIt() {
    UUID id = UUID.randomUUID();
    Map<String, Object> record =
        SyncClient.recordWithFollowUp(drive, SyncClient.followUp("sms", name, phoneNumber));
    device.push(device.upsert(id, null, record));
    JsonNode deleted = device.push(device.delete(id, 1L)).get(0);
    assertThat(deleted.get("status").asText()).isEqualTo("applied");
    Map<String, Object> row = db.row("SELECT * FROM follow_ups WHERE record_id = ?", id);
    assertThat(row).containsEntry("erasure_reason", "record_deleted");
    assertThat(row.get("contact_ciphertext")).isNull();
    assertThat(row.get("name_ciphertext")).isNull();
    assertThat(row.get("phone_hmac")).isNull();

    device.push(device.upsert(id, 1L, record));
    assertThat(db.row("SELECT * FROM follow_ups WHERE record_id = ?", id).get("contact_ciphertext"))
        .isNull();
  }

  @Test
  void theLedgerFingerprintIsKeyedSoItCannotBeBruteForcedBackToTheContact() {
    UUID id = UUID.randomUUID();
    Map<String, Object> mutation =
        device.upsert(
            id,
            null,
            SyncClient.recordWithFollowUp(drive, SyncClient.followUp("sms", name, phoneNumber)));
    device.push(mutation);
    String stored =
        (String)
            db.row("SELECT fingerprint FROM sync_mutations WHERE record_id = ?", id)
                .get("fingerprint");
    assertThat(stored).hasSize(64);
    // Replaying it is still recognised as a replay.
    assertThat(device.push(mutation).get(0).get("replayed").asBoolean()).isTrue();
  }
}
