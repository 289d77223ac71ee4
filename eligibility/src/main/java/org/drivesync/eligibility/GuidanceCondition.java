package org.drivesync.eligibility;

import java.util.List;

/**
 * All non-null/non-empty fields must match (AND); within a list any value matches (OR). An empty
 * condition always matches. See docs/eligibility.md for the meaning of each field.
 */
record GuidanceCondition(
    List<String> registration,
    List<String> basis,
    List<String> statuses,
    List<String> nations,
    List<String> nationalities,
    List<String> withoutNationalities,
    List<String> nationalityGroups,
    List<String> electionsYes,
    Integer ageBelow,
    Boolean multipleNationalities) {

  GuidanceCondition {
    registration = Lists.copy(registration);
    basis = Lists.copy(basis);
    statuses = Lists.copy(statuses);
    nations = Lists.copy(nations);
    nationalities = Lists.copy(nationalities);
    withoutNationalities = Lists.copy(withoutNationalities);
    nationalityGroups = Lists.copy(nationalityGroups);
    electionsYes = Lists.copy(electionsYes);
  }
}
