package org.drivesync.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FollowUpParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode record(String followUp) throws Exception {
    return JSON.readTree("{\"followUp\": " + followUp + "}");
  }

  @Test
  void aConsentedFollowUpIsReadAndItsContactNormalised() throws Exception {
    FollowUp parsed =
        FollowUpParser.parse(
            record(
                "{\"consent\": true, \"noticeVersion\": \"2026-03\", \"channel\": \"sms\","
                    + " \"name\": \"  Amina \", \"contact\": \"07700 900123\"}"));
    assertThat(parsed)
        .isEqualTo(new FollowUp("2026-03", FollowUp.Channel.SMS, "Amina", "+447700900123"));
    assertThat(parsed.toString()).doesNotContain("Amina").doesNotContain("7700");
  }

  @Test
  void noFollowUpIsNull() throws Exception {
    assertThat(FollowUpParser.parse(JSON.readTree("{}"))).isNull();
    assertThat(FollowUpParser.parse(record("null"))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "\"true\"", "\"yes\"", "1", "null"})
  void anythingButConsentTrueIsConsentRequired(String consent) {
    assertThatThrownBy(
            () ->
                FollowUpParser.parse(
                    record(
                        "{\"consent\": "
                            + consent
                            + ", \"noticeVersion\": \"2026-03\", \"channel\": \"sms\","
                            + " \"name\": \"Amina\", \"contact\": \"07700 900123\"}")))
        .isInstanceOfSatisfying(
            RecordRejection.class, r -> assertThat(r.code()).isEqualTo("consent_required"))
        .hasMessageNotContaining("Amina");
  }

  @Test
  void missingConsentIsConsentRequiredEvenWhenEverythingElseIsWrong() {
    assertThatThrownBy(() -> FollowUpParser.parse(record("{\"contact\": \"nonsense\"}")))
        .isInstanceOfSatisfying(
            RecordRejection.class, r -> assertThat(r.code()).isEqualTo("consent_required"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"consent\": true, \"noticeVersion\": \"2026-03\", \"channel\": \"email\", \"contact\": \"07700 900123\"}",
        "{\"consent\": true, \"noticeVersion\": \"2026-03\", \"channel\": \"sms\", \"contact\": \"amina@example.org\"}",
        "{\"consent\": true, \"noticeVersion\": \"2026-03\", \"channel\": \"post\", \"contact\": \"07700 900123\"}",
        "{\"consent\": true, \"channel\": \"sms\", \"contact\": \"07700 900123\"}",
        "{\"consent\": true, \"noticeVersion\": \"2026-03\", \"channel\": \"sms\"}",
        "{\"consent\": true, \"noticeVersion\": \"2026-03\", \"channel\": \"sms\", \"contact\": \"07700 900123\", \"dateOfBirth\": \"1990-01-01\"}",
        "{\"consent\": true, \"noticeVersion\": \"2026-03\", \"channel\": \"sms\", \"contact\": \"07700 900123\", \"name\": 5}",
        "\"07700 900123\""
      })
  void malformedFollowUpsAreInvalidAndNeverEchoTheirValues(String followUp) {
    assertThatThrownBy(() -> FollowUpParser.parse(record(followUp)))
        .isInstanceOfSatisfying(
            RecordRejection.class, r -> assertThat(r.code()).isEqualTo("invalid_field"))
        .hasMessageNotContaining("7700")
        .hasMessageNotContaining("amina")
        .hasMessageNotContaining("1990");
  }
}
