package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdempotencyTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("replays")
  void classifiesAMutationIdBySeenFingerprint(
      String behaviour, String stored, String incoming, ReplayDecision expected) {
    assertThat(ReplayCheck.classify(stored, incoming)).isEqualTo(expected);
  }

  static Stream<Arguments> replays() {
    String a = "9a5b2e0c".repeat(8);
    String b = "0d1c7f42".repeat(8);
    return Stream.of(
        Arguments.of("never seen id is new", null, a, ReplayDecision.NEW),
        Arguments.of("same id, same content is a replay", a, a, ReplayDecision.REPLAY),
        Arguments.of("same id, different content is reuse", a, b, ReplayDecision.REUSED),
        Arguments.of(
            "same id, equal fingerprint from a different String instance is a replay",
            a,
            new String(a.toCharArray()),
            ReplayDecision.REPLAY));
  }

  @Test
  void reuseErrorCodeMatchesTheProtocol() {
    assertThat(ReplayCheck.MUTATION_ID_REUSED).isEqualTo("mutation_id_reused");
  }
}
