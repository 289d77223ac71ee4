package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * rulesets/index.json: the shipped rulesets, so devices can list them without fetching every file.
 */
record RulesetIndex(int format, List<Entry> rulesets) {
  RulesetIndex {
    rulesets = Lists.copy(rulesets);
  }

  record Entry(String version, LocalDate effectiveFrom, String file) {}
}
