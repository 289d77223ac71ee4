package org.drivesync.eligibility;

import java.util.List;

/**
 * Matches the ruleset's guidance rules against an assessment; see GuidanceCondition for the
 * semantics.
 */
final class GuidanceSelector {
  private final RulesetDefinition ruleset;
  private final PersonFacts person;
  private final Outcome outcome;
  private final String basis;

  GuidanceSelector(RulesetDefinition ruleset, PersonFacts person, Outcome outcome, String basis) {
    this.ruleset = ruleset;
    this.person = person;
    this.outcome = outcome;
    this.basis = basis;
  }

  List<GuidanceRule> matching() {
    return ruleset.guidanceRules().stream().filter(rule -> matches(rule.when())).toList();
  }

  private boolean matches(GuidanceCondition when) {
    return anyOrEmpty(when.registration(), outcome.registration())
        && anyOrEmpty(when.basis(), basis)
        && anyOrEmpty(when.statuses(), person.status().code())
        && anyOrEmpty(when.nations(), person.nation().code())
        && (when.nationalities().isEmpty() || person.hasAny(when.nationalities()))
        && !person.hasAny(when.withoutNationalities())
        && (when.nationalityGroups().isEmpty()
            || when.nationalityGroups().stream()
                .anyMatch(group -> person.hasAny(ruleset.countries().group(group))))
        && (when.electionsYes().isEmpty()
            || when.electionsYes().stream()
                .anyMatch(e -> Codes.YES.equals(outcome.elections().get(e))))
        && (when.ageBelow() == null || person.ageInYears() < when.ageBelow())
        && (when.multipleNationalities() == null
            || when.multipleNationalities() == (person.nationalities().size() > 1));
  }

  private static boolean anyOrEmpty(List<String> allowed, String value) {
    return allowed.isEmpty() || allowed.contains(value);
  }
}
