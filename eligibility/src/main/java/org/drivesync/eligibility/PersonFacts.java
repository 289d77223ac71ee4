package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** A validated request resolved against one ruleset; the evaluator trusts every field. */
record PersonFacts(
    List<String> nationalities,
    ImmigrationStatusDefinition status,
    LocalDate dateOfBirth,
    NationDefinition nation,
    LocalDate asOf,
    LocalDate residentInUkSince,
    LocalDate euCitizenshipSince) {

  PersonFacts {
    nationalities = List.copyOf(nationalities);
  }

  boolean hasAny(Collection<String> codes) {
    return nationalities.stream().anyMatch(codes::contains);
  }

  boolean hasNationalityOutside(Collection<String> codes) {
    return nationalities.stream().anyMatch(n -> !codes.contains(n));
  }

  int ageInYears() {
    return Ages.yearsOn(dateOfBirth, asOf);
  }
}
