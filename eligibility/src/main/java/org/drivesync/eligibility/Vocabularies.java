package org.drivesync.eligibility;

import java.util.List;

/**
 * The closed code lists a drive record's guidance block is validated against. Order matters: see
 * BasisDefinition.
 */
record Vocabularies(List<BasisDefinition> bases, List<String> elections, List<String> signposts) {
  Vocabularies {
    bases = Lists.copy(bases);
    elections = Lists.copy(elections);
    signposts = Lists.copy(signposts);
  }

  List<String> basisCodes() {
    return bases.stream().map(BasisDefinition::code).toList();
  }
}
