package org.drivesync.eligibility;

import java.util.List;

/**
 * The elections held for residents of one nation; an election code absent here is reported as
 * "n-a".
 */
record NationDefinition(String code, List<ElectionDefinition> elections) {
  NationDefinition {
    elections = Lists.copy(elections);
  }

  ElectionDefinition election(String code) {
    return elections.stream().filter(e -> e.election().equals(code)).findFirst().orElse(null);
  }
}
