package org.drivesync.core.metrics;

/** Exact counts of one summary row, as the aggregates hold them. */
public record Counts(
    long contacts,
    long registeredOnSite,
    long pledged,
    long alreadyRegistered,
    long notEligible,
    long declined,
    long followUps,
    long eligibleReached,
    long eligibleNotRegistered) {

  public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

  public Counts plus(Counts o) {
    return new Counts(
        contacts + o.contacts,
        registeredOnSite + o.registeredOnSite,
        pledged + o.pledged,
        alreadyRegistered + o.alreadyRegistered,
        notEligible + o.notEligible,
        declined + o.declined,
        followUps + o.followUps,
        eligibleReached + o.eligibleReached,
        eligibleNotRegistered + o.eligibleNotRegistered);
  }
}
