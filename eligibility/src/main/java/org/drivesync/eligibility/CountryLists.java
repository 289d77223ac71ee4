package org.drivesync.eligibility;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nationality codes and the legal groups the engine reads. Lists are data so that an Order in
 * Council changing BNA 1981 Sch 3, or regulations changing RPA 1983 Sch 6A, only need a new ruleset
 * file.
 */
record CountryLists(
    List<String> iso3166Alpha2,
    List<String> extraNationalityCodes,
    String statelessCode,
    Map<String, String> codeHints,
    List<String> britishCitizen,
    List<String> crownDependencies,
    List<String> overseasTerritories,
    List<String> britishNationalsCommonwealth,
    List<String> britishNationalsNotCommonwealth,
    List<String> irish,
    List<String> schedule3Commonwealth,
    List<String> euMemberStates,
    List<String> schedule6A,
    List<String> euOther,
    List<String> eeaEftaNotEu) {

  /**
   * Group names usable in guidance conditions; kept in one place so validation and lookup agree.
   */
  static final Set<String> GROUP_NAMES =
      Set.of(
          "britishCitizen",
          "crownDependencies",
          "overseasTerritories",
          "britishNationalsCommonwealth",
          "britishNationalsNotCommonwealth",
          "irish",
          "schedule3Commonwealth",
          "euMemberStates",
          "schedule6A",
          "euOther",
          "eeaEftaNotEu");

  CountryLists {
    iso3166Alpha2 = Lists.copy(iso3166Alpha2);
    extraNationalityCodes = Lists.copy(extraNationalityCodes);
    codeHints = Lists.copy(codeHints);
    britishCitizen = Lists.copy(britishCitizen);
    crownDependencies = Lists.copy(crownDependencies);
    overseasTerritories = Lists.copy(overseasTerritories);
    britishNationalsCommonwealth = Lists.copy(britishNationalsCommonwealth);
    britishNationalsNotCommonwealth = Lists.copy(britishNationalsNotCommonwealth);
    irish = Lists.copy(irish);
    schedule3Commonwealth = Lists.copy(schedule3Commonwealth);
    euMemberStates = Lists.copy(euMemberStates);
    schedule6A = Lists.copy(schedule6A);
    euOther = Lists.copy(euOther);
    eeaEftaNotEu = Lists.copy(eeaEftaNotEu);
  }

  List<String> group(String name) {
    return switch (name) {
      case "britishCitizen" -> britishCitizen;
      case "crownDependencies" -> crownDependencies;
      case "overseasTerritories" -> overseasTerritories;
      case "britishNationalsCommonwealth" -> britishNationalsCommonwealth;
      case "britishNationalsNotCommonwealth" -> britishNationalsNotCommonwealth;
      case "irish" -> irish;
      case "schedule3Commonwealth" -> schedule3Commonwealth;
      case "euMemberStates" -> euMemberStates;
      case "schedule6A" -> schedule6A;
      case "euOther" -> euOther;
      case "eeaEftaNotEu" -> eeaEftaNotEu;
      default -> throw new IllegalArgumentException("unknown country group " + name);
    };
  }

  /** Every code a request may use as a nationality. */
  boolean isNationalityCode(String code) {
    return iso3166Alpha2.contains(code)
        || extraNationalityCodes.contains(code)
        || britishNationalsCommonwealth.contains(code)
        || britishNationalsNotCommonwealth.contains(code)
        || code.equals(statelessCode);
  }
}
