package org.drivesync.eligibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the evaluations of one person into the public {@link Assessment}: basis, rule ids,
 * guidance, signposts.
 */
final class AssessmentAssembler {
  private AssessmentAssembler() {}

  static Assessment assemble(RulesetDefinition ruleset, PersonFacts person) {
    ReadingCombinations combinations = new ReadingCombinations(ruleset, person);
    Outcome outcome = combinations.cautious();
    List<SwitchDefinition> mattered = combinations.mattered();
    String basis =
        widestBasis(ruleset, person.nation(), outcome.heldBases())
            .orElse(mattered.isEmpty() ? Codes.NONE : Codes.UNCONFIRMED);
    List<GuidanceRule> rules = new GuidanceSelector(ruleset, person, outcome, basis).matching();

    List<GuidanceMessage> guidance = new ArrayList<>();
    Set<String> signposts = new LinkedHashSet<>();
    for (GuidanceRule rule : rules) {
      addMessage(ruleset, guidance, rule.messageId());
      signposts.addAll(rule.signposts());
    }
    for (SwitchDefinition s : mattered) {
      addMessage(ruleset, guidance, s.messageId());
      signposts.add(Codes.ERO);
    }
    List<String> orderedSignposts =
        ruleset.vocabularies().signposts().stream().filter(signposts::contains).toList();
    return new Assessment(
        ruleset.version(),
        outcome.registration(),
        electionAnswers(person, outcome, combinations),
        basis,
        ruleIds(ruleset, person, outcome, basis, mattered, rules),
        guidance,
        orderedSignposts);
  }

  /**
   * An election whose franchise no Act has set yet (an open franchiseSwitch, e.g. a UK-wide
   * referendum) is "not_yet_known" rather than a flat "no" for someone the precedent reading would
   * admit: telling them "no" would predict a franchise (rules doc section 8). Everyone else keeps
   * "no".
   */
  private static Map<String, String> electionAnswers(
      PersonFacts person, Outcome outcome, ReadingCombinations combinations) {
    Map<String, String> answers = new LinkedHashMap<>(outcome.elections());
    for (ElectionDefinition e : person.nation().elections()) {
      if (e.franchiseSwitch() != null
          && Codes.NO.equals(answers.get(e.election()))
          && combinations.opensElection(e.franchiseSwitch(), e.election())) {
        answers.put(e.election(), Codes.NOT_YET_KNOWN);
      }
    }
    return answers;
  }

  /**
   * R-REG-7: report the basis that opens the most elections of the nation (ignoring age, so a
   * 17-year-old's basis is stable); ties go to the earlier basis in the vocabulary. Empty if no
   * held basis opens any.
   */
  private static Optional<String> widestBasis(
      RulesetDefinition ruleset, NationDefinition nation, Set<String> held) {
    String best = null;
    long bestCount =
        0; // a basis that opens nothing here (e.g. qualifying_foreign_national in England) is no
    // basis
    for (String basis : held) {
      long count = ruleset.electionsAdmitting(nation, basis);
      if (count > bestCount) {
        best = basis;
        bestCount = count;
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<String> ruleIds(
      RulesetDefinition ruleset,
      PersonFacts person,
      Outcome outcome,
      String basis,
      List<SwitchDefinition> mattered,
      List<GuidanceRule> rules) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(ruleset.decisionRows().get(outcome.category()));
    ruleset.vocabularies().bases().stream()
        .filter(b -> b.code().equals(basis) && b.definition() != null)
        .forEach(b -> ids.add(b.definition()));
    if (person.status().definition() != null) {
      ids.add(person.status().definition());
    }
    person.nation().elections().forEach(e -> ids.add(e.franchise()));
    if (outcome.retainedRightsReason() != null
        && ruleset.nationUsesBasis(person.nation(), Codes.EU_RETAINED_RIGHTS)) {
      ids.add(ruleset.retainedRights().ruleIds().get(outcome.retainedRightsReason()));
    }
    ids.add(ruleset.registrationRules().general());
    ids.addAll(outcome.attainerRulesUsed());
    if (person.nationalities().size() > 1) {
      ids.add(ruleset.registrationRules().multipleNationalities());
    }
    mattered.forEach(s -> ids.addAll(s.ruleIds()));
    rules.forEach(r -> ids.addAll(r.ruleIds()));
    return List.copyOf(ids);
  }

  private static void addMessage(
      RulesetDefinition ruleset, List<GuidanceMessage> guidance, String messageId) {
    if (guidance.stream().noneMatch(g -> g.messageId().equals(messageId))) {
      guidance.add(new GuidanceMessage(messageId, ruleset.message(messageId)));
    }
  }
}
