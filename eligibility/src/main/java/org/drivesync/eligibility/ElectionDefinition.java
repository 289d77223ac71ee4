package org.drivesync.eligibility;

/**
 * One election type in one nation.
 *
 * @param franchiseSwitch optional switch whose cautious reading means nobody can be told "yes" (UK
 *     referendums: the franchise is set by each Act, UNCONFIRMED item 7)
 * @param pendingVotingAge optional lower voting age that applies only if its switch reads
 *     permissive (pending Bill)
 */
record ElectionDefinition(
    String election,
    String franchise,
    int votingAge,
    String attainerRule,
    String franchiseSwitch,
    PendingVotingAge pendingVotingAge) {}
