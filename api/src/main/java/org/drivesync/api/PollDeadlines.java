package org.drivesync.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.drivesync.elections.Deadlines;

/**
 * Deadlines as UK local times with their offset and seconds ({@code 2027-04-19T23:59:00+01:00}),
 * written out here so the wire form never depends on a mapper setting. {@code
 * voterAuthorityCertificate} is null where no photo ID is needed.
 */
public record PollDeadlines(
    String registration, String postalVote, String proxy, String voterAuthorityCertificate) {
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  public static PollDeadlines of(Deadlines d) {
    return new PollDeadlines(
        text(d.registration()),
        text(d.postalVote()),
        text(d.proxy()),
        text(d.voterAuthorityCertificate()));
  }

  private static String text(OffsetDateTime t) {
    return t == null ? null : WIRE.format(t);
  }
}
