package org.drivesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The server checks every record the fault tests push; this checks the mix is the documented one.
 */
class RecordFactoryTest {
  @Test
  void outcomesFollowTheDocumentedMixAndRecordsFallWithinTheDrive() {
    Instant driveStart = Instant.now().minus(14, ChronoUnit.DAYS);
    RecordFactory factory = new RecordFactory(1, driveStart);
    Map<Object, Integer> outcomes = new HashMap<>();
    int withGuidance = 0;
    for (int i = 0; i < 20_000; i++) {
      Map<String, Object> record = factory.record(UUID.randomUUID());
      outcomes.merge(record.get("outcome"), 1, Integer::sum);
      Instant at = Instant.parse((String) record.get("recordedAt"));
      assertThat(at).isAfter(driveStart).isBefore(Instant.now());
      if (record.get("guidance") instanceof Map<?, ?> guidance) {
        withGuidance++;
        assertThat(guidance.get("rulesetVersion")).isEqualTo(RecordFactory.RULESET);
        assertThat((List<?>) guidance.get("signposts")).isNotNull();
      }
    }
    assertThat(outcomes.get("registered_on_site") / 20_000.0).isBetween(0.26, 0.30);
    assertThat(outcomes.get("follow_up") / 20_000.0).isBetween(0.07, 0.09);
    assertThat(withGuidance / 20_000.0).isBetween(0.73, 0.77);
  }
}
