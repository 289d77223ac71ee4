package org.drivesync.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service's only eligibility implementation: pure functions of a request and a ruleset (plus a
 * clock when asOf is omitted). Everything legal - country lists, ages, franchises, rule ids, texts
 * - comes from the ruleset data.
 */
public final class EligibilityEngine {
  /** "Today" for an omitted asOf is the UK calendar day, not the server's UTC day. */
  public static final ZoneId UK = ZoneId.of("Europe/London");

  private EligibilityEngine() {}

  /** Judges the request by the ruleset in force on its asOf date (today in the UK if null). */
  public static Assessment assess(AssessmentRequest request, RulesetCatalog catalog) {
    return assess(request, catalog, Clock.system(UK));
  }

  public static Assessment assess(AssessmentRequest request, RulesetCatalog catalog, Clock clock) {
    LocalDate asOf = asOf(request, clock);
    Optional<Ruleset> inForce = catalog.findInForceOn(asOf);
    if (inForce.isEmpty()) {
      // Still validate the other fields (against the earliest ruleset) so the caller sees every
      // problem.
      Map<String, String> asOfError = new LinkedHashMap<>();
      asOfError.put(
          "asOf",
          "no ruleset covers "
              + asOf
              + "; the earliest is in force from "
              + catalog.earliest().effectiveFrom());
      RequestValidator.validate(request, catalog.earliest().definition(), asOf, asOfError);
    }
    return assess(request, inForce.orElseThrow(), clock);
  }

  /**
   * Judges the request by the given ruleset, whatever its dates (e.g. to re-check a record with its
   * own version).
   */
  public static Assessment assess(AssessmentRequest request, Ruleset ruleset) {
    return assess(request, ruleset, Clock.system(UK));
  }

  public static Assessment assess(AssessmentRequest request, Ruleset ruleset, Clock clock) {
    LocalDate asOf = asOf(request, clock);
    PersonFacts facts = RequestValidator.validate(request, ruleset.definition(), asOf, Map.of());
    return AssessmentAssembler.assemble(ruleset.definition(), facts);
  }

  private static LocalDate asOf(AssessmentRequest request, Clock clock) {
    return request != null && request.asOf() != null ? request.asOf() : LocalDate.now(clock);
  }
}
