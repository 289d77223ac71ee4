package org.drivesync.records;

import java.util.List;
import java.util.Set;

/**
 * The eligibility guidance a person was shown, as a record keeps it: the ruleset that produced it
 * and its codes, each list sorted so that the same facts sent in another order are the same value.
 *
 * @param rulesetVersion the eligibility ruleset's version
 * @param basis the franchise basis code
 * @param registration whether they could register
 * @param elections the elections they can vote in, sorted
 * @param signposts where they were pointed, sorted
 */
public record Guidance(
    String rulesetVersion,
    String basis,
    Registration registration,
    List<String> elections,
    List<String> signposts) {

  /** The keys of a guidance object on the wire. */
  public static final Set<String> KEYS =
      Set.of("rulesetVersion", "basis", "registration", "elections", "signposts");

  public Guidance {
    elections = List.copyOf(elections);
    signposts = List.copyOf(signposts);
  }
}
