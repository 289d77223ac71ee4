package org.drivesync.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: not_yet_known for unset franchises, no demand for facts that cannot matter, a "no" that
 * says what next.
 */
class AnswersAPersonCanActOnTest {
  private static final LocalDate AS_OF = Fixtures.AS_OF;
  private static final LocalDate ADULT = Fixtures.ADULT;

  @Test
  void referendumIsNotYetKnownForThoseThePrecedentAdmitsAndNoForOthers() {
    Assessment british =
        EligibilityEngine.assess(
            Fixtures.request("england", "british_citizen", "GB"), Fixtures.CATALOG);
    Assessment american =
        EligibilityEngine.assess(
            Fixtures.request("england", "limited_leave", "US"), Fixtures.CATALOG);

    assertThat(british.elections()).containsEntry("referendum_uk", "not_yet_known");
    assertThat(british.signposts()).contains("electoral_registration_officer");
    assertThat(american.elections()).containsEntry("referendum_uk", "no");
  }

  @Test
  void settledReferendumFranchiseAnswersPlainly() {
    Ruleset precedent =
        Fixtures.withSwitches(
            Fixtures.EA22, java.util.Map.of("uk_referendum_franchise", "parliamentary_precedent"));
    assertThat(
            EligibilityEngine.assess(
                    Fixtures.request("england", "british_citizen", "GB"), precedent)
                .elections())
        .containsEntry("referendum_uk", "yes");
  }

  @Test
  void dualNationalWhoArrivedAfterTheCutOffIsNotAskedWhenTheyBecameEuCitizens() {
    AssessmentRequest request =
        new AssessmentRequest(
            List.of("FR", "US"),
            "settled",
            LocalDate.of(2022, 3, 1),
            ADULT,
            "england",
            AS_OF,
            null);

    Assessment a = EligibilityEngine.assess(request, Fixtures.CATALOG);

    assertThat(a.registration()).isEqualTo("no");
    assertThat(a.basis()).isEqualTo("none");
  }

  @Test
  void euCitizenWhoBecameOneAfterTheCutOffIsNotAskedWhenTheyArrived() {
    AssessmentRequest request =
        new AssessmentRequest(
            List.of("FR", "US"),
            "settled",
            null,
            ADULT,
            "england",
            AS_OF,
            LocalDate.of(2023, 5, 1));

    assertThat(EligibilityEngine.assess(request, Fixtures.CATALOG).basis()).isEqualTo("none");
  }

  @Test
  void aNoSignpostsTheRegistrationOfficerAndResidenceBasedFranchises() {
    Assessment a =
        EligibilityEngine.assess(
            Fixtures.request("england", "limited_leave", "US"), Fixtures.CATALOG);

    assertThat(a.registration()).isEqualTo("no");
    assertThat(a.signposts()).contains("electoral_registration_officer");
    assertThat(a.guidance())
        .extracting(GuidanceMessage::messageId)
        .contains("registration.no.next_steps", "note.residence_based_franchises");
  }

  @Test
  void aChildIsToldWhenToComeBack() {
    AssessmentRequest child =
        new AssessmentRequest(
            List.of("GB"), "british_citizen", null, AS_OF.minusYears(10), "england", AS_OF, null);

    assertThat(EligibilityEngine.assess(child, Fixtures.CATALOG).guidance())
        .extracting(GuidanceMessage::messageId)
        .contains("registration.no.too_young")
        .doesNotContain("note.residence_based_franchises");
  }

  @Test
  void theNationFollowsFromTheCouncil() {
    AssessmentRequest cardiff =
        new AssessmentRequest(
            List.of("US"), "limited_leave", null, ADULT, null, AS_OF, null, "W06000015");
    AssessmentRequest manchester =
        new AssessmentRequest(
            List.of("GB"), "british_citizen", null, ADULT, "england", AS_OF, null, "E08000003");

    assertThat(EligibilityEngine.assess(cardiff, Fixtures.CATALOG).elections())
        .containsEntry("senedd", "yes");
    assertThat(EligibilityEngine.assess(manchester, Fixtures.CATALOG).elections())
        .containsEntry("local_england", "yes");
  }
}
