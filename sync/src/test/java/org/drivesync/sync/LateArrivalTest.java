package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.drivesync.sync.LateArrival.Decision;
import org.drivesync.sync.LateArrival.Ended;
import org.drivesync.sync.LateArrival.Entitlement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LateArrivalTest {
  private static final Duration GRACE = Duration.ofDays(30);
  // A one-day summer drive: its day runs 2026-06-05T23:00Z to 2026-06-06T23:00Z (BST).
  private static final LocalDate DAY = LocalDate.parse("2026-06-06");
  private static final Instant CLOSED = Instant.parse("2026-06-06T08:00:00Z");
  private static final Instant CAPTURED = Instant.parse("2026-06-06T06:00:00Z");

  private static Entitlement open() {
    return new Entitlement(DAY, DAY, true, true, null, null, null);
  }

  private static Entitlement closedAt(Instant at) {
    return new Entitlement(DAY, DAY, true, true, at, null, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(
      String behaviour,
      Entitlement entitlement,
      Instant recordedAt,
      Instant now,
      Decision expected) {
    assertThat(LateArrival.decide(entitlement, recordedAt, now, GRACE)).isEqualTo(expected);
  }

  static Stream<Arguments> cases() {
    Instant afterClose = CLOSED.plusSeconds(3600);
    return Stream.of(
        Arguments.of(
            "an open drive is on time whatever the clock",
            open(),
            Instant.parse("1999-01-01T00:00:00Z"),
            afterClose,
            Decision.ON_TIME),
        Arguments.of(
            "captured before closing, pushed an hour after",
            closedAt(CLOSED),
            CAPTURED,
            afterClose,
            Decision.LATE),
        Arguments.of(
            "captured at the very moment of closing",
            closedAt(CLOSED),
            CLOSED,
            afterClose,
            Decision.LATE),
        Arguments.of(
            "captured after closing",
            closedAt(CLOSED),
            CLOSED.plusSeconds(1),
            afterClose,
            Decision.REFUSED),
        Arguments.of(
            "exactly at the end of the grace period",
            closedAt(CLOSED),
            CAPTURED,
            CLOSED.plus(GRACE),
            Decision.LATE),
        Arguments.of(
            "a second past the grace period",
            closedAt(CLOSED),
            CAPTURED,
            CLOSED.plus(GRACE).plusSeconds(1),
            Decision.REFUSED),
        Arguments.of(
            "before the drive's first day in UK time",
            closedAt(Instant.parse("2026-06-07T12:00:00Z")),
            Instant.parse("2026-06-05T22:59:59Z"),
            Instant.parse("2026-06-08T00:00:00Z"),
            Decision.REFUSED),
        Arguments.of(
            "the first second of the drive's day in UK time",
            closedAt(Instant.parse("2026-06-07T12:00:00Z")),
            Instant.parse("2026-06-05T23:00:00Z"),
            Instant.parse("2026-06-08T00:00:00Z"),
            Decision.LATE),
        Arguments.of(
            "after the drive's last day, though before closing",
            closedAt(Instant.parse("2026-06-07T12:00:00Z")),
            Instant.parse("2026-06-06T23:00:00Z"),
            Instant.parse("2026-06-08T00:00:00Z"),
            Decision.REFUSED),
        Arguments.of(
            "unassigned: captured while assigned",
            new Entitlement(DAY, DAY, false, true, null, CLOSED, null),
            CAPTURED,
            afterClose,
            Decision.LATE),
        Arguments.of(
            "region removed: captured after the removal",
            new Entitlement(DAY, DAY, true, false, null, null, CLOSED),
            CLOSED.plusSeconds(60),
            afterClose,
            Decision.REFUSED),
        Arguments.of(
            "never assigned",
            new Entitlement(DAY, DAY, false, true, null, null, null),
            CAPTURED,
            afterClose,
            Decision.REFUSED),
        Arguments.of(
            "never in the region",
            new Entitlement(DAY, DAY, true, false, null, null, null),
            CAPTURED,
            afterClose,
            Decision.REFUSED),
        Arguments.of(
            "the grace runs from the first end: unassigned long before closing",
            new Entitlement(DAY, DAY, false, true, CLOSED.plus(Duration.ofDays(40)), CLOSED, null),
            CAPTURED,
            CLOSED.plus(Duration.ofDays(41)),
            Decision.REFUSED));
  }

  @Test
  void theReasonIsWhatEndedFirst() {
    assertThat(closedAt(CLOSED).reason()).isEqualTo(Ended.DRIVE_CLOSED);
    assertThat(
            new Entitlement(
                    DAY, DAY, false, false, CLOSED, CLOSED.minusSeconds(1), CLOSED.plusSeconds(1))
                .reason())
        .isEqualTo(Ended.UNASSIGNED);
    assertThat(new Entitlement(DAY, DAY, true, false, null, null, CLOSED).reason())
        .isEqualTo(Ended.REGION_REMOVED);
    assertThat(new Entitlement(DAY, DAY, false, true, CLOSED, null, null).reason())
        .isEqualTo(Ended.NEVER_ENTITLED);
    assertThat(open().reason()).isNull();
  }
}
