package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QuarantineRedactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String redact(String mutation) throws Exception {
    JsonNode node = JSON.readTree(mutation);
    return QuarantineRedaction.redact(node).toString();
  }

  @Test
  void codesIdsAndInstantsOfKnownFieldsAreKeptForDiagnosis() throws Exception {
    String kept = redact("""
        {"mutationId": "6f1c2d9e-1234-4567-89ab-0123456789ab", "deviceSeq": 12345678, "entity": "drive_record",
         "op": "upsert", "id": "11111111-2222-3333-4444-555555555555", "baseVersion": 3,
         "record": {"driveId": "11111111-2222-3333-4444-555555555555", "recordedAt": "2026-03-14T18:22:05Z",
                    "outcome": "Pledged", "ageBand": "30", "firstTimeRegistrant": true, "language": "urdu",
                    "guidance": {"rulesetVersion": "EA22-2024-05-07", "elections": ["uk_parliament"]}}}
        """);
    assertThat(kept).contains("6f1c2d9e-1234-4567-89ab-0123456789ab", "12345678", "Pledged",
        "\"ageBand\":\"30\"", "urdu", "2026-03-14T18:22:05Z", "EA22-2024-05-07", "uk_parliament")
        .doesNotContain("[redacted]");
  }

  @Test
  void followUpValuesAreRedactedButConsentAndChannelKept() throws Exception {
    String kept = redact("""
        {"record": {"followUp": {"consent": false, "noticeVersion": "2026-03", "channel": "sms",
                                 "name": "Amina Khan", "contact": "07700 900123"}}}
        """);
    assertThat(kept).contains("\"consent\":false", "\"channel\":\"sms\"")
        .doesNotContain("Amina", "7700", "2026-03");
  }

  @Test
  void personalDataInTheWrongPlaceIsRedacted() throws Exception {
    String kept = redact("""
        {"mutationId": "not a uuid, call Amina", "phoneNumber": "07700900123", "op": "upsert",
         "record": {"language": "Amina Khan", "ageBand": "07700900123", "outcome": 447700900123,
                    "nationality": "Sudanese", "nom": "Amina", "email": "amina@example.org",
                    "followUp": "07700 900123",
                    "guidance": {"rulesetVersion": "EA22", "notes": "Sudanese", "basis": "amina@x.org"}}}
        """);
    assertThat(kept).doesNotContain("Amina", "7700", "Sudanese", "amina", "call");
    assertThat(kept).contains("\"nationality\":\"[redacted]\"", "\"op\":\"upsert\"", "EA22");
  }

  @Test
  void aRecordThatIsNotAnObjectIsRedactedWhole() throws Exception {
    assertThat(redact("{\"record\": \"Amina Khan 07700 900123\"}")).isEqualTo("{\"record\":\"[redacted]\"}");
    assertThat(redact("[\"Amina\"]")).isEqualTo("\"[redacted]\"");
  }
}
