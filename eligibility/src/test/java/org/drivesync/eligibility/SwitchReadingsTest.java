package org.drivesync.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drivesync.eligibility.Fixtures.EA22;
import static org.drivesync.eligibility.Fixtures.request;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each UNCONFIRMED point is a data switch: "signpost" (shipped default) gives the cautious answer
 * plus the ERO signpost; setting a reading applies it outright with no signpost.
 */
class SwitchReadingsTest {

  @Test
  void everyShippedSwitchDefaultsToSignposting() {
    for (Ruleset ruleset : Fixtures.CATALOG.all()) {
      assertThat(ruleset.definition().switches())
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.value()).as(s.id()).isEqualTo("signpost"));
    }
  }

  @Test
  void referendumPrecedentReadingGivesTheParliamentaryFranchise() {
    Ruleset precedent =
        Fixtures.withSwitches(EA22, Map.of("uk_referendum_franchise", "parliamentary_precedent"));
    Assessment british =
        EligibilityEngine.assess(request("england", "british_citizen", "GB"), precedent);
    Assessment polish = EligibilityEngine.assess(request("england", "settled", "PL"), precedent);

    assertThat(british.elections()).containsEntry("referendum_uk", "yes");
    assertThat(british.signposts()).doesNotContain(Codes.ERO);
    assertThat(polish.elections()).containsEntry("referendum_uk", "no");
  }

  @Test
  void walesEuWithoutLeaveFaceReadingGivesTheSenedd() {
    AssessmentRequest german = request("wales", "no_leave", "DE");
    Assessment face =
        EligibilityEngine.assess(
            german,
            Fixtures.withSwitches(
                EA22, Map.of("relevant_eu_citizen_without_leave", "no_leave_condition")));
    Assessment strict =
        EligibilityEngine.assess(
            german,
            Fixtures.withSwitches(
                EA22, Map.of("relevant_eu_citizen_without_leave", "leave_required")));

    assertThat(face.elections()).containsEntry("senedd", "yes").containsEntry("pcc", "no");
    assertThat(face.basis()).isEqualTo("relevant_eu_citizen");
    assertThat(strict.elections()).containsEntry("senedd", "no");
    assertThat(strict.basis()).isEqualTo("none");
    assertThat(strict.ruleIds()).doesNotContain("W-EU");
  }

  @Test
  void retainedRightsContinuityAssumedGivesEnglishLocalVote() {
    AssessmentRequest french =
        Fixtures.withResidentSince(
            request("england", "indefinite_leave", "FR"), LocalDate.of(2010, 1, 1));
    Assessment a =
        EligibilityEngine.assess(
            french,
            Fixtures.withSwitches(EA22, Map.of("retained_rights_continuity", "assume_continuous")));

    assertThat(a.basis()).isEqualTo("eu_retained_rights");
    assertThat(a.elections())
        .containsEntry("local_england", "yes")
        .containsEntry("uk_parliament", "no");
  }

  @Test
  void scottishMinimumAgeReadingLetsEvery14YearOldRegister() {
    AssessmentRequest fourteen =
        Fixtures.withDateOfBirth(
            request("scotland", "british_citizen", "GB"), LocalDate.of(2010, 12, 1));
    Assessment a =
        EligibilityEngine.assess(
            fourteen,
            Fixtures.withSwitches(EA22, Map.of("scotland_attainer_test", "from_minimum_age")));
    Assessment mirror =
        EligibilityEngine.assess(
            fourteen,
            Fixtures.withSwitches(EA22, Map.of("scotland_attainer_test", "mirror_r_reg_3")));

    assertThat(a.registration()).isEqualTo("attainer");
    assertThat(mirror.registration()).isEqualTo("no");
    assertThat(mirror.signposts()).isEmpty();
  }

  @Test
  void crownDependencyReadingTreatsJerseyAsBritish() {
    Assessment a =
        EligibilityEngine.assess(
            request("england", "no_leave_required", "JE"),
            Fixtures.withSwitches(EA22, Map.of("crown_dependency_citizenship", "british_citizen")));
    assertThat(a.basis()).isEqualTo("british");
    assertThat(a.ruleIds()).startsWith("F1");
  }

  @Test
  void schedule3ReadingCountsTogoBeforeTheConfirmedDate() {
    AssessmentRequest togolese =
        Fixtures.withAsOf(request("england", "limited_leave", "TG"), LocalDate.of(2024, 6, 1));
    Assessment listed =
        EligibilityEngine.assess(
            togolese, Fixtures.withSwitches(EA22, Map.of("schedule3_insertion_date", "listed")));
    assertThat(listed.basis()).isEqualTo("qualifying_commonwealth");
    assertThat(listed.elections()).containsEntry("uk_parliament", "yes");
  }

  @Test
  void votesAt16InForceReadingLowersTheAgeOnlyFromTheBillsIntroduction() {
    Ruleset inForce = Fixtures.withSwitches(EA22, Map.of("votes_at_16_bill", "in_force"));
    AssessmentRequest sixteen =
        Fixtures.withDateOfBirth(
            request("england", "british_citizen", "GB"), LocalDate.of(2009, 12, 1));

    Assessment after =
        EligibilityEngine.assess(Fixtures.withAsOf(sixteen, LocalDate.of(2026, 11, 27)), inForce);
    Assessment before =
        EligibilityEngine.assess(Fixtures.withAsOf(sixteen, LocalDate.of(2026, 2, 11)), inForce);

    assertThat(after.registration()).isEqualTo("yes");
    assertThat(after.elections())
        .containsEntry("uk_parliament", "yes")
        .containsEntry("local_england", "yes");
    assertThat(before.elections()).containsEntry("uk_parliament", "no");
    // 18 on 1 Dec 2027, one day after the attainer window for an 11 Feb 2026 application closes.
    assertThat(before.registration()).isEqualTo("no");
  }

  @Test
  void schedule3SwitchNoLongerAppliesFromItsAppliesUntilDate() {
    AssessmentRequest gabonese = request("england", "limited_leave", "GA");
    Ruleset notListed =
        Fixtures.withSwitches(EA22, Map.of("schedule3_insertion_date", "not_listed"));

    Assessment before =
        EligibilityEngine.assess(
            Fixtures.withAsOf(gabonese, LocalDate.of(2024, 11, 30)), notListed);
    Assessment from =
        EligibilityEngine.assess(Fixtures.withAsOf(gabonese, LocalDate.of(2024, 12, 1)), notListed);

    assertThat(before.basis()).isEqualTo("none");
    assertThat(from.basis()).isEqualTo("qualifying_commonwealth");
  }

  @Test
  void severalUnsettledPointsEachAddTheirOwnMessage() {
    AssessmentRequest togolese17 =
        new AssessmentRequest(
            java.util.List.of("TG"),
            "limited_leave",
            null,
            LocalDate.of(2007, 6, 2),
            "england",
            LocalDate.of(2024, 6, 1),
            null);
    Assessment a = EligibilityEngine.assess(togolese17, EA22);
    assertThat(a.guidance())
        .extracting(GuidanceMessage::messageId)
        .contains("unconfirmed.schedule3_insertion_date");
    assertThat(a.signposts()).containsExactly(Codes.ERO);
  }
}
