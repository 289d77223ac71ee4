package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
    String a = MutationFingerprint.of("{\"op\":\"upsert\",\"outcome\":\"registered\"}");
    String b = MutationFingerprint.of("{\"op\":\"upsert\",\"outcome\":\"declined\"}");
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("fingerprints")
  void fingerprintIsLowerCaseHexSha256(String behaviour, String canonical, String expected) {
    assertThat(MutationFingerprint.of(canonical)).isEqualTo(expected);
    assertThat(MutationFingerprint.of(canonical.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(expected);
  }

  static Stream<Arguments> fingerprints() {
    return Stream.of(
        Arguments.of(
            "empty input (FIPS 180 vector)",
            "",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Arguments.of(
            "\"abc\" (FIPS 180 vector)",
            "abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }

  @Test
  void fingerprintHashesNonAsciiAsUtf8AndIsStable() {
    String welsh = "{\"language\":\"cy\",\"note\":\"Diolch ŵr\"}";
    assertThat(MutationFingerprint.of(welsh))
        .isEqualTo(MutationFingerprint.of(welsh.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(MutationFingerprint.of(welsh))
        .hasSize(64)
        .matches("[0-9a-f]{64}");
  }

  @Test
  void reuseErrorCodeMatchesTheProtocol() {
    assertThat(ReplayCheck.MUTATION_ID_REUSED).isEqualTo("mutation_id_reused");
  }
}
