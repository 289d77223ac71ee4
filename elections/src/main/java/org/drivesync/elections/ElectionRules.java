package org.drivesync.elections;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the timetable of one election type depends on (docs/elections.md): whether Maundy Thursday
 * is a dies non (the Parliamentary Elections Rules list it; the local, mayoral, PCC and devolved
 * rules do not) and whether voters need photo ID, so a Voter Authority Certificate deadline
 * applies. Codes are the eligibility engine's election codes.
 *
 * @param maundyThursdayIsDiesNon Maundy Thursday is not a working day for this election's timetable
 * @param photoIdInGreatBritain photo ID (and so a Voter Authority Certificate) is needed at polling
 *     stations in Great Britain; Northern Ireland has its own Electoral Identity Card, not modelled
 *     here
 */
public record ElectionRules(
    String electionCode, boolean maundyThursdayIsDiesNon, boolean photoIdInGreatBritain) {
  private static final Map<String, ElectionRules> BY_CODE =
      Map.of(
          "uk_parliament", new ElectionRules("uk_parliament", true, true),
          "local_england", new ElectionRules("local_england", false, true),
          "pcc", new ElectionRules("pcc", false, true),
          "mayoral", new ElectionRules("mayoral", false, true),
          // Each referendum's Act sets its rules; count Maundy Thursday out (the earlier, cautious
          // deadline) and
          // claim no photo-ID deadline until an Act says so.
          "referendum_uk", new ElectionRules("referendum_uk", true, false),
          "scottish_parliament", new ElectionRules("scottish_parliament", false, false),
          "senedd", new ElectionRules("senedd", false, false));

  /** The election codes with timetable rules (the eligibility engine's seven). */
  public static Set<String> codes() {
    return BY_CODE.keySet();
  }

  public static Optional<ElectionRules> of(String electionCode) {
    return Optional.ofNullable(BY_CODE.get(electionCode));
  }
}
