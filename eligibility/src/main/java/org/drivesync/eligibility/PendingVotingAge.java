package org.drivesync.eligibility;

/** A voting age proposed by legislation whose commencement is unconfirmed, gated by a switch. */
record PendingVotingAge(int age, String switchId) {}
