package org.drivesync.eligibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates every combination of readings of the open ("signpost") switches. The all-cautious
 * combination is the answer given; a switch "matters" when flipping it alone changes the answer in
 * some combination, and then the person is signposted to the Electoral Registration Officer instead
 * of being told a guess.
 */
final class ReadingCombinations {
  private final List<SwitchDefinition> open;
  private final Outcome[] outcomes;

  ReadingCombinations(RulesetDefinition ruleset, PersonFacts person) {
    this.open = ruleset.switches().stream().filter(SwitchDefinition::signposts).toList();
    this.outcomes = new Outcome[1 << open.size()];
    for (int mask = 0; mask < outcomes.length; mask++) {
      SwitchState state = new SwitchState(ruleset.switches(), person.asOf(), permissiveIds(mask));
      outcomes[mask] = FranchiseEvaluator.evaluate(ruleset, person, state);
    }
  }

  /**
   * Every reading is cautious-first and only ever adds entitlement, so this is the least the person
   * can rely on.
   */
  Outcome cautious() {
    return outcomes[0];
  }

  List<SwitchDefinition> mattered() {
    List<SwitchDefinition> mattered = new ArrayList<>();
    for (int i = 0; i < open.size(); i++) {
      int bit = 1 << i;
      for (int mask = 0; mask < outcomes.length; mask++) {
        if ((mask & bit) == 0 && !outcomes[mask].sameAnswer(outcomes[mask | bit])) {
          mattered.add(open.get(i));
          break;
        }
      }
    }
    return mattered;
  }

  /**
   * Whether reading {@code s} permissively turns {@code election} from "no" to "yes" in some
   * combination.
   */
  boolean opensElection(String switchId, String election) {
    for (int i = 0; i < open.size(); i++) {
      if (!open.get(i).id().equals(switchId)) {
        continue;
      }
      int bit = 1 << i;
      for (int mask = 0; mask < outcomes.length; mask++) {
        if ((mask & bit) == 0
            && Codes.YES.equals(outcomes[mask | bit].elections().get(election))
            && !Codes.YES.equals(outcomes[mask].elections().get(election))) {
          return true;
        }
      }
    }
    return false;
  }

  private Set<String> permissiveIds(int mask) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < open.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        ids.add(open.get(i).id());
      }
    }
    return ids;
  }
}
