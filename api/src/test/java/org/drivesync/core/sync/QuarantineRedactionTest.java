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
    String kept =
        redact(
            """
        {"mutationId": "6f1c2d9e-1234-4567-89ab-0123456789ab", "deviceSeq": 12345678, "entity": "drive_record",
         "op": "upsert", "id": "11111111-2222-3333-4444-555555555555", "baseVersion": 3,
         "record": {"driveId": "11111111-2222-3333-4444-555555555555", "recordedAt": "2026-03-14T18:22:05Z",
                    "outcome": "pledged", "ageBand": "25-34", "firstTimeRegistrant": true, "language": "ur",
                    "guidance": {"rulesetVersion": "EA22-2024-05-07", "basis": "eu5",
                                 "elections": ["uk_parliament"]}}}
        """);
    assertThat(kept)
        .contains(
            "6f1c2d9e-1234-4567-89ab-0123456789ab",
            "12345678",
            "pledged",
            "\"ageBand\":\"25-34\"",
            "\"language\":\"ur\"",
            "2026-03-14T18:22:05Z",
            "EA22-2024-05-07",
            "uk_parliament",
            "eu5")
        .doesNotContain("[redacted]", "[field");
  }

  @Test
  void followUpValuesAreRedactedButConsentAndChannelKept() throws Exception {
    String kept =
        redact(
            """
        {"record": {"followUp": {"consent": false, "noticeVersion": "2026-03", "channel": "sms",
                                 "name": "Amina Khan", "contact": "07700 900123"}}}
        """);
    assertThat(kept)
        .contains("\"consent\":false", "\"channel\":\"sms\"")
        .doesNotContain("Amina", "7700", "2026-03");
  }

  @Test
  void personalDataInTheWrongPlaceIsRedacted() throws Exception {
    String kept =
        redact(
            """
        {"mutationId": "not a uuid, call Amina", "phoneNumber": "07700900123", "op": "upsert",
         "record": {"language": "Amina Khan", "ageBand": "07700900123", "outcome": 447700900123,
                    "nationality": "Sudanese", "nom": "Amina", "email": "amina@example.org",
                    "followUp": "07700 900123",
                    "guidance": {"rulesetVersion": "EA22", "notes": "Sudanese", "basis": "amina@x.org"}}}
        """);
    assertThat(kept).doesNotContain("Amina", "7700", "Sudanese", "amina", "call");
    assertThat(kept).contains("\"nationality\":\"[redacted]\"", "\"op\":\"upsert\"");
  }

  @Test
  void codeLikeValuesOutsideTheFieldsVocabularyAreRedacted() throws Exception {
    String kept =
        redact(
            """
        {"entity": "Fatima", "op": "Begum", "id": "Fatima",
         "record": {"language": "Fatima", "outcome": "Fatima", "ageBand": "Fatima_Begum",
                    "driveId": "Fatima", "recordedAt": "Fatima", "firstTimeRegistrant": "Fatima",
                    "guidance": {"rulesetVersion": "Fatima-2024", "basis": "fatima_begum",
                                 "elections": ["uk_parliament", "fatima"], "signposts": ["Begum"]}}}
        """);
    assertThat(kept)
        .doesNotContainIgnoringCase("fatima")
        .doesNotContainIgnoringCase("begum")
        .contains("uk_parliament");
  }

  @Test
  void unknownFieldNamesAreReplacedButRefusedAndKnownNamesKept() throws Exception {
    String kept =
        redact(
            """
        {"Fatima Begum": 1, "op": "upsert",
         "record": {"fatimaBegum07700900123": true, "nationality": "x", "outcome": "pledged",
                    "guidance": {"Fatima": "x"}, "followUp": {"Begum": "x", "consent": true}}}
        """);
    assertThat(kept)
        .doesNotContainIgnoringCase("fatima")
        .doesNotContainIgnoringCase("begum")
        .doesNotContain("7700")
        .contains(
            "\"[field 1]\":\"[redacted]\"",
            "\"nationality\":\"[redacted]\"",
            "\"outcome\":\"pledged\"",
            "\"consent\":true");
  }

  @Test
  void aRecordThatIsNotAnObjectIsRedactedWhole() throws Exception {
    assertThat(redact("{\"record\": \"Amina Khan 07700 900123\"}"))
        .isEqualTo("{\"record\":\"[redacted]\"}");
    assertThat(redact("[\"Amina\"]")).isEqualTo("\"[redacted]\"");
  }
}
