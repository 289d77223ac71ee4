package org.drivesync.eligibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation: bases, then each election of the nation, then registration (yes, attainer or no).
 */
final class FranchiseEvaluator {
  private FranchiseEvaluator() {}

  static Outcome evaluate(RulesetDefinition ruleset, PersonFacts person, SwitchState switches) {
    BasisClassifier.Classification classification =
        new BasisClassifier(ruleset, person, switches).classify();
    Map<String, String> elections = new LinkedHashMap<>();
    List<String> attainerRulesUsed = new ArrayList<>();
    boolean anyYes = false;
    boolean anyAttainer = false;
    for (String code : ruleset.vocabularies().elections()) {
      ElectionDefinition election = person.nation().election(code);
      if (election == null) {
        elections.put(code, Codes.NOT_APPLICABLE);
        continue;
      }
      boolean franchiseKnown =
          election.franchiseSwitch() == null || switches.permissive(election.franchiseSwitch());
      boolean basisOk =
          franchiseKnown
              && ruleset.franchise(election.franchise()).bases().stream()
                  .anyMatch(classification.heldBases()::contains);
      int votingAge = votingAge(election, switches);
      boolean yes = basisOk && Ages.reached(person.dateOfBirth(), votingAge, person.asOf());
      elections.put(code, yes ? Codes.YES : Codes.NO);
      anyYes |= yes;
      if (basisOk && !yes) {
        AttainerRule rule = ruleset.attainerRule(election.attainerRule());
        if (!attainerRulesUsed.contains(rule.id())) {
          attainerRulesUsed.add(rule.id());
        }
        anyAttainer |= isAttainer(rule, votingAge, person, switches);
      }
    }
    String registration = anyYes ? Codes.YES : anyAttainer ? Codes.ATTAINER : Codes.NO;
    return new Outcome(
        registration,
        Collections.unmodifiableMap(elections),
        classification.heldBases(),
        classification.category(),
        classification.retainedRightsReason(),
        List.copyOf(attainerRulesUsed));
  }

  private static int votingAge(ElectionDefinition election, SwitchState switches) {
    PendingVotingAge pending = election.pendingVotingAge();
    if (pending != null && switches.permissive(pending.switchId())) {
      return Math.min(election.votingAge(), pending.age());
    }
    return election.votingAge();
  }

  /**
   * Rules doc R-REG-2..4: reaches voting age within the window, or (Scotland, if read so) is over a
   * minimum age.
   */
  private static boolean isAttainer(
      AttainerRule rule, int votingAge, PersonFacts person, SwitchState switches) {
    var windowEnd = Ages.windowEnd(person.asOf(), rule.windowStart(), rule.windowMonths());
    if (!Ages.dateReaching(person.dateOfBirth(), votingAge).isAfter(windowEnd)) {
      return true;
    }
    return rule.minimumAge() != null
        && switches.permissive(rule.minimumAgeSwitch())
        && Ages.reached(person.dateOfBirth(), rule.minimumAge(), person.asOf());
  }
}
