package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Rules doc 3.1: which franchise bases a person holds, reading every country group from the
 * ruleset. Bases the ruleset does not list (e.g. eu5 before 7 May 2024) are never held.
 */
final class BasisClassifier {
  private final RulesetDefinition ruleset;
  private final CountryLists countries;
  private final PersonFacts person;
  private final SwitchState switches;

  BasisClassifier(RulesetDefinition ruleset, PersonFacts person, SwitchState switches) {
    this.ruleset = ruleset;
    this.countries = ruleset.countries();
    this.person = person;
    this.switches = switches;
  }

  /**
   * @param retainedRightsReason why s.203B was or was not met, or null if it could not apply
   */
  record Classification(Set<String> heldBases, String category, String retainedRightsReason) {}

  Classification classify() {
    boolean irish = person.hasAny(countries.irish());
    // Irish citizens never need leave (Immigration Act 1971 s.3ZA), whatever status was recorded.
    boolean lawful = person.status().lawful() || irish;
    boolean crownDependency = person.hasAny(countries.crownDependencies());
    boolean british =
        person.hasAny(countries.britishCitizen())
            || person.status().britishCitizen()
            || (crownDependency && switches.permissiveOfKind(SwitchKind.CROWN_DEPENDENCY_BRITISH));
    boolean commonwealth =
        schedule3Citizen()
            || person.hasAny(countries.britishNationalsCommonwealth())
            || person.hasAny(countries.overseasTerritories());
    boolean euNational =
        !british
            && !commonwealth
            && !irish
            && (person.hasAny(countries.schedule6A()) || person.hasAny(countries.euOther()));
    boolean eu5 = person.hasAny(countries.schedule6A()) && lawful;
    String retainedRightsReason = eu5 ? null : retainedRightsReason();
    boolean retainedRights = RetainedRightsRule.HELD.equals(retainedRightsReason);
    boolean relevantEuCitizen =
        euNational
            && (lawful || switches.permissiveOfKind(SwitchKind.RELEVANT_EU_CITIZEN_WITHOUT_LEAVE));
    boolean foreign = !british && !commonwealth && !irish;

    Set<String> held = new LinkedHashSet<>();
    for (String code : ruleset.vocabularies().basisCodes()) {
      boolean holds =
          switch (code) {
            case Codes.BRITISH -> british;
            case Codes.IRISH -> irish;
            case Codes.QUALIFYING_COMMONWEALTH -> commonwealth && lawful;
            case Codes.EU5 -> eu5;
            case Codes.EU_RETAINED_RIGHTS -> retainedRights;
            case Codes.RELEVANT_EU_CITIZEN -> relevantEuCitizen;
            case Codes.QUALIFYING_FOREIGN_NATIONAL -> foreign && lawful;
            case Codes.QUALIFYING_FOREIGN_CITIZEN -> foreign && !euNational && lawful;
            default -> false;
          };
      if (holds) {
        held.add(code);
      }
    }
    return new Classification(
        held,
        category(british, irish, commonwealth, euNational, lawful, held),
        euNational ? retainedRightsReason : null);
  }

  /**
   * Sch 3 membership, except entries whose insertion date is unconfirmed and read cautiously
   * (Gabon, Togo).
   */
  private boolean schedule3Citizen() {
    var listing = switches.ofKind(SwitchKind.SCHEDULE3_LISTING);
    return person.nationalities().stream()
        .anyMatch(
            code ->
                countries.schedule3Commonwealth().contains(code)
                    && (listing.isEmpty()
                        || !listing.get().countries().contains(code)
                        || switches.permissive(listing.get())));
  }

  /**
   * RPA 1983 s.203B (rules doc D6, edge cases 4-6): the reason it is held or not, null if it cannot
   * apply.
   */
  private String retainedRightsReason() {
    RetainedRightsRule rule = ruleset.retainedRights();
    if (rule == null || !person.hasAny(countries.euOther())) {
      return null;
    }
    String route = person.status().retainedRightsRoute();
    // Checked before the dates, which the validator does not ask for when the status alone rules
    // s.203B out.
    if ("euss_joining_family_member".equals(route)) {
      return RetainedRightsRule.JOINING_FAMILY_MEMBER;
    }
    if (!"euss".equals(route) && !"other_leave".equals(route) && !"not_required".equals(route)) {
      return RetainedRightsRule.NO_LEAVE;
    }
    LocalDate cutOff = rule.lastDayBeforeCutOff();
    if (person.euCitizenshipSince() != null && person.euCitizenshipSince().isAfter(cutOff)) {
      return RetainedRightsRule.CITIZENSHIP_AFTER_CUT_OFF;
    }
    if (person.residentInUkSince() == null || person.residentInUkSince().isAfter(cutOff)) {
      return RetainedRightsRule.RESIDENT_AFTER_CUT_OFF;
    }
    if ("euss".equals(route)) {
      return RetainedRightsRule.HELD;
    }
    // s.203B(3)/(4) need leave or lawful residence "at all times since the relevant date":
    // unconfirmed text.
    return switches.permissiveOfKind(SwitchKind.RETAINED_RIGHTS_CONTINUITY)
        ? RetainedRightsRule.HELD
        : RetainedRightsRule.CONTINUITY_UNCONFIRMED;
  }

  private static String category(
      boolean british,
      boolean irish,
      boolean commonwealth,
      boolean euNational,
      boolean lawful,
      Set<String> held) {
    if (british) {
      return "british";
    }
    if (irish) {
      return "irish";
    }
    if (commonwealth) {
      return lawful ? "commonwealth_with_leave" : "commonwealth_without_leave";
    }
    if (euNational) {
      if (held.contains(Codes.EU5)) {
        return "eu5_with_leave";
      }
      if (held.contains(Codes.EU_RETAINED_RIGHTS)) {
        return "eu_retained_rights";
      }
      return lawful ? "eu_with_leave" : "eu_without_leave";
    }
    return lawful ? "other_with_leave" : "other_without_leave";
  }
}
