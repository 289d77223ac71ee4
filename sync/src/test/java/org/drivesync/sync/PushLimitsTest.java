package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PushLimitsTest {
  private static final long MIB = 1_048_576L;

  @Test
  void defaultsAre500MutationsAndOneMebibyte() {
    assertThat(PushLimits.DEFAULTS).isEqualTo(new PushLimits(500, MIB));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batches")
  void checksBatchAgainstTheDefaults(
      String behaviour, int mutations, long bytes, Optional<PushLimitViolation> expected) {
    assertThat(PushLimits.DEFAULTS.check(mutations, bytes)).isEqualTo(expected);
  }

  static Stream<Arguments> batches() {
    return Stream.of(
        Arguments.of("an empty batch fits", 0, 0L, Optional.empty()),
        Arguments.of("exactly 500 mutations fit", 500, 10_000L, Optional.empty()),
        Arguments.of(
            "501 mutations are too many",
            501,
            10_000L,
            Optional.of(new PushLimitViolation(PushLimitViolation.Limit.MUTATIONS, 501, 500))),
        Arguments.of("exactly 1 MiB fits", 1, MIB, Optional.empty()),
        Arguments.of(
            "1 MiB plus one byte is too large",
            1,
            MIB + 1,
            Optional.of(new PushLimitViolation(PushLimitViolation.Limit.BYTES, MIB + 1, MIB))),
        Arguments.of(
            "both exceeded reports bytes, which is known before parsing",
            501,
            MIB + 1,
            Optional.of(new PushLimitViolation(PushLimitViolation.Limit.BYTES, MIB + 1, MIB))),
        Arguments.of("both at their limits fits", 500, MIB, Optional.empty()));
  }

  @Test
  void separateChecksAgreeWithTheCombinedOne() {
    PushLimits limits = new PushLimits(2, 100);
    assertThat(limits.checkMutations(2)).isEmpty();
    assertThat(limits.checkMutations(3))
        .contains(new PushLimitViolation(PushLimitViolation.Limit.MUTATIONS, 3, 2));
    assertThat(limits.checkBytes(100)).isEmpty();
    assertThat(limits.checkBytes(101))
        .contains(new PushLimitViolation(PushLimitViolation.Limit.BYTES, 101, 100));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonsense")
  void rejectsNonsense(String behaviour, Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> nonsense() {
    return Stream.of(
        Arguments.of("a zero mutation limit", (Runnable) () -> new PushLimits(0, 1)),
        Arguments.of("a zero byte limit", (Runnable) () -> new PushLimits(1, 0)),
        Arguments.of(
            "a negative mutation count", (Runnable) () -> PushLimits.DEFAULTS.check(-1, 0)),
        Arguments.of("a negative byte count", (Runnable) () -> PushLimits.DEFAULTS.check(0, -1)));
  }

  @Test
  void limitWireNames() {
    assertThat(PushLimitViolation.Limit.MUTATIONS.wireName()).isEqualTo("mutations");
    assertThat(PushLimitViolation.Limit.BYTES.wireName()).isEqualTo("bytes");
  }
}
