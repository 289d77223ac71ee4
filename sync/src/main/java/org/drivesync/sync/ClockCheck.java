package org.drivesync.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Spots device clocks that are plainly wrong. Device time is only ever recorded and flagged, never
 * used to order or merge anything: phones in the field have wrong clocks and wrong time zones.
 */
public final class ClockCheck {
  /** How far in the server's future a recording time may be before it is implausible. */
  public static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);

  /** Drives are held in the UK, so a drive's date means a day in UK local time. */
  public static final ZoneId DRIVE_ZONE = ZoneId.of("Europe/London");

  private ClockCheck() {}

  /**
   * The flags a record earns from its recording time: {@link RecordFlag#CLOCK_SKEW} when it was
   * recorded more than {@link #MAX_FUTURE_SKEW} after server time, or before the drive's first day
   * began in UK local time (midnight GMT in winter, 23:00 UTC the evening before in summer).
   * Exactly five minutes ahead, and exactly midnight, are fine.
   */
  public static Set<RecordFlag> flagsFor(
      Instant recordedAt, Instant serverNow, LocalDate driveStartsOn) {
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(serverNow, "serverNow");
    Objects.requireNonNull(driveStartsOn, "driveStartsOn");
    boolean inTheFuture = recordedAt.isAfter(serverNow.plus(MAX_FUTURE_SKEW));
    boolean beforeTheDrive =
        recordedAt.isBefore(driveStartsOn.atStartOfDay(DRIVE_ZONE).toInstant());
    return inTheFuture || beforeTheDrive ? Set.of(RecordFlag.CLOCK_SKEW) : Set.of();
  }

  /**
   * Server time minus device time when the device sent a push: positive when the device's clock is
   * behind. Reported back to the device and logged, so skew can be diagnosed.
   */
  public static Duration offset(Instant deviceSentAt, Instant serverNow) {
    return Duration.between(
        Objects.requireNonNull(deviceSentAt, "deviceSentAt"),
        Objects.requireNonNull(serverNow, "serverNow"));
  }
}
