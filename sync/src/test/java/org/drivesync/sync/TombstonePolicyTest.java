package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TombstonePolicyTest {
  private static final UUID ID = UUID.fromString("3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c");

  @Test
  void keepsTombstonesFor180DaysByDefault() {
    assertThat(TombstonePolicy.DEFAULT_RETENTION).isEqualTo(Duration.ofDays(180));
    assertThat(TombstonePolicy.DEFAULT.purgeCutoff(Instant.parse("2026-07-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cursors")
  void sendsDevicesWhoseCursorPredatesAPurgeBackToTheStart(
      String behaviour, PullCursor cursor, long purgedThroughXid, boolean resync) {
    assertThat(TombstonePolicy.requiresFullResync(cursor, purgedThroughXid)).isEqualTo(resync);
  }

  static Stream<Arguments> cursors() {
    return Stream.of(
        Arguments.of("nothing purged yet", new PullCursor(5, "drive_record", ID), 0L, false),
        Arguments.of("a fresh device pulls everything anyway", PullCursor.START, 100L, false),
        Arguments.of("cursor before the purge", new PullCursor(50, "drive_record", ID), 100L, true),
        Arguments.of(
            "cursor part-way through the purged xid",
            new PullCursor(100, "drive_record", ID),
            100L,
            true),
        Arguments.of(
            "cursor after the purge", new PullCursor(101, "drive_record", ID), 100L, false));
  }

  @Test
  void refusesANonPositiveRetention() {
    assertThatThrownBy(() -> new TombstonePolicy(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TombstonePolicy(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
