package org.drivesync.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.DatabaseScan;
import org.drivesync.testing.Db;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The personal data drivesync refuses to hold, one case each: the mutation is rejected with {@code
 * forbidden_field} and its value is found nowhere in the database afterwards — not in records,
 * versions, the ledger or quarantine.
 */
class RefusedFieldsTest {
  private static final TestApp app = TestApp.get();
  private static SyncClient device;
  private static UUID drive;

  @BeforeAll
  static void aParticipantWithADrive() {
    Fixtures fixtures = Fixtures.of(app);
    Phone p = fixtures.participantWithPhone(Fixtures.NORTH_EAST);
    drive = fixtures.drive(Fixtures.NORTH_EAST, p.participantId());
    device = new SyncClient(app.http(), p);
  }

  @ParameterizedTest(name = "{0} ({1}) is refused and stored nowhere")
  @CsvSource({
    "nationality,        nationality",
    "immigration status, immigrationStatus",
    "immigration status, immigration_status",
    "date of birth,      dateOfBirth",
    "date of birth,      dob",
    "NI number,          niNumber",
    "NI number,          nationalInsuranceNumber",
    "free text,          notes",
    "free text,          freeText",
    "location,           location",
    "location,           latitude",
    "location,           postcode",
  })
  void aRefusedFieldRejectsTheMutationAndItsValueIsKeptNowhere(String kind, String field) {
    String value = "refused-" + field + "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> record = SyncClient.record(drive, "pledged");
    record.put(field, value);
    UUID id = UUID.randomUUID();
    JsonNode result = device.push(device.upsert(id, null, record)).get(0);

    assertThat(result.get("status").asText()).isEqualTo("rejected");
    assertThat(result.get("error").get("code").asText()).isEqualTo("forbidden_field");
    assertThat(result.toString()).doesNotContain(value);
    Db db = new Db(app);
    assertThat(db.count("SELECT count(*) FROM drive_records WHERE id = ?", id)).isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM quarantined_mutations WHERE record_id = ?", id.toString()))
        .as("the rejection is quarantined, without the value")
        .isEqualTo(1);
    assertThat(DatabaseScan.find(app.database().ownerDataSource(), List.of(value)))
        .as(kind + " must be stored nowhere")
        .isEmpty();
    // The scan does find what is stored: the quarantined mutation's record id.
    assertThat(DatabaseScan.find(app.database().ownerDataSource(), List.of(id.toString())))
        .contains("quarantined_mutations: " + id);
  }
}
