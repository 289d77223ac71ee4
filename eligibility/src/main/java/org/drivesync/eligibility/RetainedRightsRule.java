package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * RPA 1983 s.203B: residence and EU citizenship must both be held on the last day before IP
 * completion (31 Dec 2020, edge cases 5 and 6). Null in rulesets that have no eu_retained_rights
 * basis.
 *
 * @param ruleIds rule id reported for each {@link #REASONS reason} the test was met or failed, so a
 *     "no" names the edge case that decided it
 */
record RetainedRightsRule(
    LocalDate lastDayBeforeCutOff, Map<String, String> ruleIds, String description) {
  static final String HELD = "held";
  static final String CITIZENSHIP_AFTER_CUT_OFF = "citizenship_after_cut_off";
  static final String RESIDENT_AFTER_CUT_OFF = "resident_after_cut_off";
  static final String JOINING_FAMILY_MEMBER = "joining_family_member";
  static final String NO_LEAVE = "no_leave";
  static final String CONTINUITY_UNCONFIRMED = "continuity_unconfirmed";
  static final Set<String> REASONS =
      Set.of(
          HELD,
          CITIZENSHIP_AFTER_CUT_OFF,
          RESIDENT_AFTER_CUT_OFF,
          JOINING_FAMILY_MEMBER,
          NO_LEAVE,
          CONTINUITY_UNCONFIRMED);

  RetainedRightsRule {
    ruleIds = Lists.copy(ruleIds);
  }
}
