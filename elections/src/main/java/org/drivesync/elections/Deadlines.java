package org.drivesync.elections;

import java.time.OffsetDateTime;

/**
 * The last moments to act for a poll, in UK local time with its offset.
 *
 * @param registration 23:59 on the 12th working day before the poll
 * @param postalVote 17:00 on the 11th working day before (14th in Northern Ireland)
 * @param proxy 17:00 on the 6th working day before (14th in Northern Ireland)
 * @param voterAuthorityCertificate 17:00 on the 6th working day before where photo ID is needed;
 *     null otherwise
 */
public record Deadlines(
    OffsetDateTime registration,
    OffsetDateTime postalVote,
    OffsetDateTime proxy,
    OffsetDateTime voterAuthorityCertificate) {}
