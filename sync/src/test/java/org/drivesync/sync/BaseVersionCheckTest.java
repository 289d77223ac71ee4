package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BaseVersionCheckTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesWhetherABaseVersionIsUsable(
      String behaviour, Long baseVersion, Long currentVersion, boolean acceptable) {
    assertThat(BaseVersionCheck.isAcceptable(baseVersion, currentVersion)).isEqualTo(acceptable);
    RecordState current =
        currentVersion == null ? null : RecordState.live(currentVersion, Map.of());
    assertThat(BaseVersionCheck.isAcceptable(baseVersion, current)).isEqualTo(acceptable);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no base for a new record", null, null, true),
        Arguments.of("no base for an existing record (merged as base-less)", null, 3L, true),
        Arguments.of("a base for a record the server does not have", 1L, null, false),
        Arguments.of("base 1 of version 3", 1L, 3L, true),
        Arguments.of("base equal to current", 3L, 3L, true),
        Arguments.of("base one past current", 4L, 3L, false),
        Arguments.of("base 0", 0L, 3L, false),
        Arguments.of("a negative base", -1L, 3L, false));
  }

  @Test
  void reasonCodeMatchesTheProtocol() {
    assertThat(BaseVersionCheck.UNKNOWN_BASE_VERSION).isEqualTo("unknown_base_version");
  }
}
