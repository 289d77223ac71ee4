package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a missing date could change what the person is told, by judging them with its
 * earliest and latest possible values (birth and the assessment date). The rules compare these
 * dates with one cut-off, so the two extremes fall either side of it whenever any value could. A
 * date that cannot change the answer is never demanded.
 */
final class RelevantFacts {
  private final RulesetDefinition ruleset;
  private final PersonFacts facts;
  private final List<LocalDate> residences;
  private final List<LocalDate> citizenships;

  RelevantFacts(
      RulesetDefinition ruleset,
      PersonFacts facts,
      boolean residenceMissing,
      boolean citizenshipMissing) {
    this.ruleset = ruleset;
    this.facts = facts;
    this.residences =
        residenceMissing ? extremes(facts.dateOfBirth()) : single(facts.residentInUkSince());
    // null means "since birth", the earliest possible value.
    this.citizenships = citizenshipMissing ? extremes(null) : single(facts.euCitizenshipSince());
  }

  boolean residenceMatters() {
    return residences.size() > 1
        && citizenships.stream()
            .anyMatch(c -> !told(residences.get(0), c).equals(told(residences.get(1), c)));
  }

  boolean citizenshipDateMatters() {
    return citizenships.size() > 1
        && residences.stream()
            .anyMatch(r -> !told(r, citizenships.get(0)).equals(told(r, citizenships.get(1))));
  }

  private List<LocalDate> extremes(LocalDate earliest) {
    List<LocalDate> values = new ArrayList<>();
    values.add(earliest);
    values.add(facts.asOf());
    return values;
  }

  private static List<LocalDate> single(LocalDate value) {
    List<LocalDate> values = new ArrayList<>();
    values.add(value);
    return values;
  }

  /**
   * What the person would be told: answers, basis, signposts and messages (not the rule ids behind
   * them).
   */
  private List<Object> told(LocalDate residentSince, LocalDate citizenSince) {
    PersonFacts probe =
        new PersonFacts(
            facts.nationalities(),
            facts.status(),
            facts.dateOfBirth(),
            facts.nation(),
            facts.asOf(),
            residentSince,
            citizenSince);
    Assessment a = AssessmentAssembler.assemble(ruleset, probe);
    return List.of(
        a.registration(),
        a.elections(),
        a.basis(),
        a.signposts(),
        a.guidance().stream().map(GuidanceMessage::messageId).toList());
  }
}
