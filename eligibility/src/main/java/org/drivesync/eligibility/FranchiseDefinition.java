package org.drivesync.eligibility;

import java.util.List;

/** A franchise (rules-doc rule id, e.g. R-PARL): the bases that qualify, independent of age. */
record FranchiseDefinition(
    String id, List<String> bases, List<String> sources, String description) {
  FranchiseDefinition {
    bases = Lists.copy(bases);
    sources = Lists.copy(sources);
  }
}
