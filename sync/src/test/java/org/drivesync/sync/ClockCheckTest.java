package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClockCheckTest {
  private static final Set<RecordFlag> NONE = Set.of();
  private static final Set<RecordFlag> SKEW = Set.of(RecordFlag.CLOCK_SKEW);

  // A summer drive (BST, UTC+1): its day starts at 23:00 UTC the evening before.
  private static final LocalDate SUMMER_DRIVE = LocalDate.parse("2026-05-02");
  private static final Instant SUMMER_NOW = Instant.parse("2026-05-02T12:00:00Z");
  // A winter drive (GMT, UTC+0): its day starts at midnight UTC.
  private static final LocalDate WINTER_DRIVE = LocalDate.parse("2026-01-15");
  private static final Instant WINTER_NOW = Instant.parse("2026-01-15T12:00:00Z");

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void flagsImplausibleRecordingTimes(
      String behaviour,
      Instant recordedAt,
      Instant serverNow,
      LocalDate driveStartsOn,
      Set<RecordFlag> expected) {
    assertThat(ClockCheck.flagsFor(recordedAt, serverNow, driveStartsOn)).isEqualTo(expected);
  }

  static Stream<Arguments> recordings() {
    return Stream.of(
        Arguments.of("recorded now", SUMMER_NOW, SUMMER_NOW, SUMMER_DRIVE, NONE),
        Arguments.of(
            "recorded an hour ago", SUMMER_NOW.minusSeconds(3600), SUMMER_NOW, SUMMER_DRIVE, NONE),
        Arguments.of(
            "exactly 5 minutes in the future is tolerated",
            SUMMER_NOW.plus(Duration.ofMinutes(5)),
            SUMMER_NOW,
            SUMMER_DRIVE,
            NONE),
        Arguments.of(
            "5m01s in the future is skew",
            SUMMER_NOW.plus(Duration.ofSeconds(301)),
            SUMMER_NOW,
            SUMMER_DRIVE,
            SKEW),
        Arguments.of(
            "5 minutes and 1 ms in the future is skew",
            SUMMER_NOW.plus(Duration.ofMinutes(5)).plusMillis(1),
            SUMMER_NOW,
            SUMMER_DRIVE,
            SKEW),
        Arguments.of(
            "a day in the future is skew",
            SUMMER_NOW.plus(Duration.ofDays(1)),
            SUMMER_NOW,
            SUMMER_DRIVE,
            SKEW),
        Arguments.of(
            "BST: 23:00 UTC the evening before is London midnight, the drive's first instant",
            Instant.parse("2026-05-01T23:00:00Z"),
            SUMMER_NOW,
            SUMMER_DRIVE,
            NONE),
        Arguments.of(
            "BST: 22:59:59 UTC the evening before is still the previous London day",
            Instant.parse("2026-05-01T22:59:59Z"),
            SUMMER_NOW,
            SUMMER_DRIVE,
            SKEW),
        Arguments.of(
            "BST: 23:30 UTC the evening before is not mistaken for the previous day",
            Instant.parse("2026-05-01T23:30:00Z"),
            SUMMER_NOW,
            SUMMER_DRIVE,
            NONE),
        Arguments.of(
            "GMT: midnight UTC is the drive's first instant",
            Instant.parse("2026-01-15T00:00:00Z"),
            WINTER_NOW,
            WINTER_DRIVE,
            NONE),
        Arguments.of(
            "GMT: one second before midnight UTC is before the drive",
            Instant.parse("2026-01-14T23:59:59Z"),
            WINTER_NOW,
            WINTER_DRIVE,
            SKEW),
        Arguments.of(
            "clocks-forward day: the day still starts at midnight GMT",
            Instant.parse("2026-03-29T00:00:00Z"),
            Instant.parse("2026-03-29T12:00:00Z"),
            LocalDate.parse("2026-03-29"),
            NONE),
        Arguments.of(
            "clocks-forward day: one second earlier is before the drive",
            Instant.parse("2026-03-28T23:59:59Z"),
            Instant.parse("2026-03-29T12:00:00Z"),
            LocalDate.parse("2026-03-29"),
            SKEW),
        Arguments.of(
            "clocks-back day: the day starts at midnight BST, 23:00 UTC the evening before",
            Instant.parse("2026-10-24T23:00:00Z"),
            Instant.parse("2026-10-25T12:00:00Z"),
            LocalDate.parse("2026-10-25"),
            NONE),
        Arguments.of(
            "a multi-day drive accepts records from later days",
            Instant.parse("2026-05-05T09:00:00Z"),
            Instant.parse("2026-05-05T09:01:00Z"),
            SUMMER_DRIVE,
            NONE),
        Arguments.of(
            "both in the future and before the drive is flagged once",
            Instant.parse("2026-05-02T13:00:00Z"),
            Instant.parse("2026-05-02T12:00:00Z"),
            LocalDate.parse("2026-05-03"),
            SKEW));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offsets")
  void offsetIsServerMinusDevice(
      String behaviour, Instant deviceSentAt, Instant serverNow, Duration expected) {
    assertThat(ClockCheck.offset(deviceSentAt, serverNow)).isEqualTo(expected);
  }

  static Stream<Arguments> offsets() {
    Instant now = Instant.parse("2026-05-02T12:00:00Z");
    return Stream.of(
        Arguments.of("clocks agree", now, now, Duration.ZERO),
        Arguments.of(
            "device 90 s behind gives a positive offset",
            now.minusSeconds(90),
            now,
            Duration.ofSeconds(90)),
        Arguments.of(
            "device an hour ahead (e.g. stuck in BST) gives a negative offset",
            now.plusSeconds(3600),
            now,
            Duration.ofHours(-1)));
  }
}
