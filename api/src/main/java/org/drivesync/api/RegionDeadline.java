package org.drivesync.api;

import java.time.LocalDate;

/**
 * The next deadline of a region's upcoming polls (dashboard tile). {@code workingDaysLeft} counts
 * the working days from today to the deadline's day, both included, by that poll's rules: 1 means
 * "today".
 *
 * @param deadline which deadline: registration, postalVote, proxy or voterAuthorityCertificate
 */
public record RegionDeadline(
    String regionCode,
    String regionName,
    String pollId,
    String pollLabel,
    LocalDate pollDate,
    String deadline,
    String at,
    long workingDaysLeft) {}
