package org.drivesync.eligibility;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's answer.
 *
 * @param rulesetVersion the ruleset that decided it (store it with the drive record)
 * @param registration "yes" | "attainer" | "no"
 * @param elections exactly the ruleset's election codes in order, each "yes" | "no" | "n-a"
 * @param basis franchise basis code from the ruleset's vocabulary (widest basis held;
 *     "none"/"unconfirmed")
 * @param ruleIds rules-doc ids that decided it (decision row, definitions, franchises, registration
 *     rules)
 * @param guidance plain-English messages to show, keyed for translation
 * @param signposts codes from the ruleset's signpost vocabulary, in vocabulary order
 */
public record Assessment(
    String rulesetVersion,
    String registration,
    Map<String, String> elections,
    String basis,
    List<String> ruleIds,
    List<GuidanceMessage> guidance,
    List<String> signposts) {

  public Assessment {
    // Map.copyOf loses order; the election order is part of the contract.
    elections = Collections.unmodifiableMap(new LinkedHashMap<>(elections));
    ruleIds = List.copyOf(ruleIds);
    guidance = List.copyOf(guidance);
    signposts = List.copyOf(signposts);
  }
}
