package org.drivesync.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path must agree with Instant.parse on every input, valid or not, once the instant is cut
 * to the microseconds the protocol keeps (docs/sync-protocol.md).
 */
class InstantsTest {
  private static String outcome(java.util.function.Function<String, Instant> parse, String text) {
    try {
      return parse.apply(text).toString();
    } catch (RuntimeException e) {
      return "error";
    }
  }

  private static Instant toMicros(String text) {
    return Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
  }

  @Test
  void agreesWithInstantParseOnOddInputs() {
    for (String text :
        List.of(
            "2026-03-14T18:22:05Z",
            "2026-03-14T18:22:05.1Z",
            "2026-03-14T18:22:05.123456789Z",
            "2026-03-14T18:22:05.1234567891Z",
            "2026-02-29T00:00:00Z",
            "2024-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-12-31T23:59:60Z",
            "2026-12-31T24:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "2026-03-14T18:22:05.Z",
            "2026-03-14 18:22:05Z",
            "2026-03-14T18:22:05+01:00",
            "2026-03-14T18:22Z",
            "2026-03-14T18:22:05z",
            "２026-03-14T18:22:05Z",
            "2026-03-14T18:22:05.12a4Z",
            "")) {
      assertThat(outcome(Instants::parse, text))
          .as(text)
          .isEqualTo(outcome(InstantsTest::toMicros, text));
    }
  }

  @Test
  void agreesWithInstantParseOnRandomInstantsAndTheirMutations() {
    Random random = new Random(7);
    String alphabet = "0123456789-:TZ.+";
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong() % 250_000_000_000L,
              random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000));
      StringBuilder text = new StringBuilder(instant.toString());
      if (random.nextBoolean()) {
        text.setCharAt(
            random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(outcome(Instants::parse, text.toString()))
          .as(text.toString())
          .isEqualTo(outcome(InstantsTest::toMicros, text.toString()));
    }
  }
}
