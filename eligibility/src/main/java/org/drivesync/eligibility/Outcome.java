package org.drivesync.eligibility;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of one evaluation under one set of switch readings.
 *
 * @param heldBases franchise bases the person holds, in vocabulary order
 * @param category decision-table person category (see Codes.CATEGORIES)
 * @param retainedRightsReason why RPA 1983 s.203B was or was not met (RetainedRightsRule.REASONS),
 *     or null
 * @param attainerRulesUsed attainer rule ids consulted because the person had a basis but not the
 *     age
 */
record Outcome(
    String registration,
    Map<String, String> elections,
    Set<String> heldBases,
    String category,
    String retainedRightsReason,
    List<String> attainerRulesUsed) {

  /** Two readings matter to the person only if they change what they are told they can do. */
  boolean sameAnswer(Outcome other) {
    return registration.equals(other.registration) && elections.equals(other.elections);
  }
}
