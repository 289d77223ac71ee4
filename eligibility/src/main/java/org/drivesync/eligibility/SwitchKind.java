package org.drivesync.eligibility;

import java.util.Set;

/**
 * The switch kinds the engine understands; the ruleset decides which exist, their ids, values and
 * dates.
 */
final class SwitchKind {
  /** Countries in BNA 1981 Sch 3 whose insertion date is unconfirmed (Gabon, Togo). */
  static final String SCHEDULE3_LISTING = "schedule3_listing";

  /**
   * s.203B(3)/(4) continuity of leave/residence, which depends on text not retrieved
   * (s.203B(7)-(9)).
   */
  static final String RETAINED_RIGHTS_CONTINUITY = "retained_rights_continuity";

  /** Relevant citizens of the Union without leave (note W-EU). */
  static final String RELEVANT_EU_CITIZEN_WITHOUT_LEAVE = "relevant_eu_citizen_without_leave";

  /**
   * Jersey, Guernsey, Isle of Man codes read as British citizenship (BNA 1981 s.50(1) not
   * retrieved).
   */
  static final String CROWN_DEPENDENCY_BRITISH = "crown_dependency_british";

  /** Referenced from an attainer rule's minimumAgeSwitch. */
  static final String ATTAINER_MINIMUM_AGE = "attainer_minimum_age";

  /** Referenced from an election's franchiseSwitch. */
  static final String ELECTION_FRANCHISE = "election_franchise";

  /** Referenced from an election's pendingVotingAge. */
  static final String PENDING_VOTING_AGE = "pending_voting_age";

  static final Set<String> ALL =
      Set.of(
          SCHEDULE3_LISTING,
          RETAINED_RIGHTS_CONTINUITY,
          RELEVANT_EU_CITIZEN_WITHOUT_LEAVE,
          CROWN_DEPENDENCY_BRITISH,
          ATTAINER_MINIMUM_AGE,
          ELECTION_FRANCHISE,
          PENDING_VOTING_AGE);

  /**
   * Kinds the engine looks up by kind rather than by a reference, so a ruleset may hold at most one
   * of each.
   */
  static final Set<String> SINGLETONS =
      Set.of(
          SCHEDULE3_LISTING,
          RETAINED_RIGHTS_CONTINUITY,
          RELEVANT_EU_CITIZEN_WITHOUT_LEAVE,
          CROWN_DEPENDENCY_BRITISH);

  private SwitchKind() {}
}
