package org.drivesync.eligibility;

import java.util.List;
import java.util.Set;

/**
 * Codes with meaning in the engine itself. The ruleset chooses which of them it uses (and their
 * rule ids and texts); the API contract fixes the election and signpost vocabularies, so those are
 * checked to be exactly these.
 */
final class Codes {
  static final String BRITISH = "british";
  static final String IRISH = "irish";
  static final String QUALIFYING_COMMONWEALTH = "qualifying_commonwealth";
  static final String EU5 = "eu5";
  static final String EU_RETAINED_RIGHTS = "eu_retained_rights";
  static final String RELEVANT_EU_CITIZEN = "relevant_eu_citizen";
  static final String QUALIFYING_FOREIGN_NATIONAL = "qualifying_foreign_national";
  static final String QUALIFYING_FOREIGN_CITIZEN = "qualifying_foreign_citizen";
  static final String NONE = "none";
  static final String UNCONFIRMED = "unconfirmed";

  static final Set<String> FRANCHISE_BASES =
      Set.of(
          BRITISH,
          IRISH,
          QUALIFYING_COMMONWEALTH,
          EU5,
          EU_RETAINED_RIGHTS,
          RELEVANT_EU_CITIZEN,
          QUALIFYING_FOREIGN_NATIONAL,
          QUALIFYING_FOREIGN_CITIZEN);

  static final List<String> ELECTIONS =
      List.of(
          "uk_parliament",
          "local_england",
          "pcc",
          "mayoral",
          "referendum_uk",
          "scottish_parliament",
          "senedd");

  static final String ERO = "electoral_registration_officer";
  static final List<String> SIGNPOSTS =
      List.of(
          "gov_uk_register",
          "voter_authority_certificate",
          ERO,
          "oisc_adviser",
          "anonymous_registration",
          "local_connection_declaration");

  static final String YES = "yes";
  static final String NO = "no";
  static final String ATTAINER = "attainer";
  static final String NOT_APPLICABLE = "n-a";

  /**
   * The election's franchise is not set yet (no Act), and the precedent reading would admit the
   * person.
   */
  static final String NOT_YET_KNOWN = "not_yet_known";

  static final Set<String> REGISTRATION = Set.of(YES, ATTAINER, NO);

  /**
   * Person categories of the rules-doc decision table (section 3); the ruleset maps each to a row
   * id.
   */
  static final Set<String> CATEGORIES =
      Set.of(
          "british",
          "irish",
          "commonwealth_with_leave",
          "commonwealth_without_leave",
          "eu5_with_leave",
          "eu_retained_rights",
          "eu_with_leave",
          "eu_without_leave",
          "other_with_leave",
          "other_without_leave");

  static final Set<String> LEAVE = Set.of("not_required", "has_leave", "none");
  static final Set<String> RETAINED_RIGHTS_ROUTES =
      Set.of("euss", "euss_joining_family_member", "other_leave", "not_required", "none");

  private Codes() {}
}
