package org.drivesync.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.AggregateWith;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The table of franchise-cases.csv, each row naming the rule and source it tests. */
class FranchiseTableTest {
  private static final String TABLE = "/org/drivesync/eligibility/franchise-cases.csv";

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = TABLE, delimiter = '|', maxCharsPerColumn = 500)
  void judgesEachCaseAsTheRulesDocSays(
      @AggregateWith(FranchiseCase.Aggregator.class) FranchiseCase c) {
    Assessment a = EligibilityEngine.assess(c.request(), Fixtures.CATALOG);

    assertThat(a.registration()).as("registration").isEqualTo(c.registration());
    assertThat(a.elections()).as("elections").containsExactlyEntriesOf(c.elections());
    assertThat(a.basis()).as("basis").isEqualTo(c.basis());
    assertThat(a.signposts()).as("signposts").containsExactlyElementsOf(c.signposts());
    assertThat(a.ruleIds()).as("rule ids").contains(c.ruleId());
    assertThat(a.guidance())
        .as("guidance")
        .isNotEmpty()
        .allSatisfy(g -> assertThat(g.text()).as(g.messageId()).isNotBlank());
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = TABLE, delimiter = '|', maxCharsPerColumn = 500)
  void citesASourceTheRulesetLists(@AggregateWith(FranchiseCase.Aggregator.class) FranchiseCase c) {
    Ruleset ruleset = Fixtures.CATALOG.inForceOn(c.request().asOf());
    assertThat(ruleset.definition().sources())
        .extracting(SourceReference::key)
        .contains(c.source());
  }

  /** Reading every UNCONFIRMED switch permissively may only add entitlement, never remove it. */
  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = TABLE, delimiter = '|', maxCharsPerColumn = 500)
  void permissiveReadingsOnlyAddEntitlement(
      @AggregateWith(FranchiseCase.Aggregator.class) FranchiseCase c) {
    Ruleset ruleset = Fixtures.CATALOG.inForceOn(c.request().asOf());
    Assessment cautious =
        EligibilityEngine.assess(c.request(), Fixtures.allSwitches(ruleset, false));
    Assessment permissive =
        EligibilityEngine.assess(c.request(), Fixtures.allSwitches(ruleset, true));
    Assessment signposted = EligibilityEngine.assess(c.request(), ruleset);

    // Where no Act sets a franchise the signposted answer is "not_yet_known": cautious "no",
    // precedent "yes".
    signposted
        .elections()
        .forEach(
            (election, answer) -> {
              if (answer.equals("not_yet_known")) {
                assertThat(cautious.elections().get(election))
                    .as("cautious " + election)
                    .isEqualTo("no");
                assertThat(permissive.elections().get(election))
                    .as("precedent " + election)
                    .isEqualTo("yes");
              } else {
                assertThat(answer).as(election).isEqualTo(cautious.elections().get(election));
              }
            });
    assertThat(signposted.registration()).isEqualTo(cautious.registration());
    cautious
        .elections()
        .forEach(
            (election, answer) -> {
              if (answer.equals("yes")) {
                assertThat(permissive.elections().get(election)).as(election).isEqualTo("yes");
              }
            });
    assertThat(rank(permissive.registration()))
        .isGreaterThanOrEqualTo(rank(cautious.registration()));
    boolean readingsDisagree =
        !cautious.elections().equals(permissive.elections())
            || !cautious.registration().equals(permissive.registration());
    if (readingsDisagree) {
      assertThat(signposted.signposts()).as("unsettled law is signposted").contains(Codes.ERO);
      assertThat(signposted.guidance())
          .extracting(GuidanceMessage::messageId)
          .anyMatch(id -> id.startsWith("unconfirmed."));
    }
  }

  @Test
  void tableHasAtLeastEightyCases() throws Exception {
    try (var in = getClass().getResourceAsStream(TABLE)) {
      long rows = new String(in.readAllBytes()).lines().filter(l -> l.startsWith("T")).count();
      assertThat(rows).isGreaterThanOrEqualTo(80);
    }
  }

  private static int rank(String registration) {
    return Map.of("no", 0, "attainer", 1, "yes", 2).get(registration);
  }
}
