package org.drivesync.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drivesync.eligibility.Fixtures.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour the HTTP layer relies on beyond the franchise table. */
class EngineApiTest {

  @Test
  void missingAsOfMeansTodayInTheUkAndPicksTheRulesetInForce() {
    AssessmentRequest noDate =
        new AssessmentRequest(
            List.of("FR"),
            "limited_leave",
            LocalDate.of(2022, 2, 1),
            Fixtures.ADULT,
            "england",
            null,
            null);
    Clock beforeChange = Clock.fixed(Instant.parse("2024-05-06T12:00:00Z"), EligibilityEngine.UK);
    Clock afterChange = Clock.fixed(Instant.parse("2024-05-07T12:00:00Z"), EligibilityEngine.UK);

    Assessment before = EligibilityEngine.assess(noDate, Fixtures.CATALOG, beforeChange);
    Assessment after = EligibilityEngine.assess(noDate, Fixtures.CATALOG, afterChange);

    assertThat(before.rulesetVersion()).isEqualTo("PRE-EA22-2021-04-05");
    assertThat(before.elections()).containsEntry("local_england", "yes");
    assertThat(after.rulesetVersion()).isEqualTo("EA22-2024-05-07");
    assertThat(after.elections()).containsEntry("local_england", "no");
  }

  @Test
  void explicitRulesetIsUsedWhateverTheDate() {
    AssessmentRequest french =
        new AssessmentRequest(
            List.of("FR"),
            "limited_leave",
            LocalDate.of(2022, 2, 1),
            Fixtures.ADULT,
            "england",
            LocalDate.of(2025, 1, 1),
            null);
    Assessment a = EligibilityEngine.assess(french, Fixtures.PRE_EA22);
    assertThat(a.rulesetVersion()).isEqualTo("PRE-EA22-2021-04-05");
    assertThat(a.basis()).isEqualTo("relevant_eu_citizen");
  }

  @Test
  void electionsAlwaysHaveTheSevenKeysInVocabularyOrder() {
    for (String nation : List.of("england", "scotland", "wales")) {
      Assessment a =
          EligibilityEngine.assess(request(nation, "british_citizen", "GB"), Fixtures.CATALOG);
      assertThat(a.elections().keySet()).containsExactlyElementsOf(Fixtures.EA22.electionCodes());
    }
  }

  @Test
  void outputsUseOnlyTheRulesetVocabularies() {
    Assessment a = EligibilityEngine.assess(request("wales", "no_leave", "DE"), Fixtures.CATALOG);
    assertThat(Fixtures.EA22.basisCodes()).contains(a.basis());
    assertThat(Fixtures.EA22.signpostCodes()).containsAll(a.signposts());
    assertThat(a.elections().values())
        .allMatch(v -> List.of("yes", "no", "not_yet_known", "n-a").contains(v));
    assertThat(List.of("yes", "attainer", "no")).contains(a.registration());
  }

  @Test
  void guidanceTextsComeFromTheRulesetMessages() {
    Assessment a =
        EligibilityEngine.assess(
            request("england", "asylum_seeker_pending", "SY"), Fixtures.CATALOG);
    var messages = Fixtures.EA22.definition().defaultMessages();
    assertThat(a.guidance())
        .extracting(GuidanceMessage::messageId)
        .contains("registration.no", "basis.none", "status.asylum_seeker_pending");
    assertThat(a.guidance())
        .allSatisfy(g -> assertThat(g.text()).isEqualTo(messages.get(g.messageId())));
    assertThat(a.signposts()).containsExactly("electoral_registration_officer", "oisc_adviser");
  }

  @Test
  void assessmentSerialisesWithTheDocumentedFieldNames() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    Assessment a =
        EligibilityEngine.assess(request("scotland", "limited_leave", "US"), Fixtures.CATALOG);
    var tree = json.readTree(json.writeValueAsString(a));
    assertThat(tree.fieldNames())
        .toIterable()
        .containsExactly(
            "rulesetVersion",
            "registration",
            "elections",
            "basis",
            "ruleIds",
            "guidance",
            "signposts");
    assertThat(tree.get("elections").fieldNames())
        .toIterable()
        .containsExactlyElementsOf(Fixtures.EA22.electionCodes());
    AssessmentRequest back =
        json.readValue(
            json.writeValueAsString(request("wales", "settled", "NA")), AssessmentRequest.class);
    assertThat(back.nationalities()).containsExactly("NA");
  }

  @Test
  void requestKeepsNullNationalityEntriesForValidationButIsImmutable() {
    AssessmentRequest r =
        new AssessmentRequest(
            java.util.Arrays.asList("FR", null),
            "settled",
            null,
            Fixtures.ADULT,
            "scotland",
            null,
            null);
    assertThat(r.nationalities()).containsExactly("FR", null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.nationalities().add("DE"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
