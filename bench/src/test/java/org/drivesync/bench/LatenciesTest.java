package org.drivesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentilesAreInMillisecondsWithinHdrHistogramsPrecision() {
    Latencies latencies = new Latencies();
    for (int ms = 1; ms <= 100; ms++) {
      latencies.record(TimeUnit.MILLISECONDS.toNanos(ms));
    }
    assertThat(latencies.count()).isEqualTo(100);
    assertThat(latencies.percentileMillis(50)).isBetween(49.9, 50.1);
    assertThat(latencies.percentileMillis(99)).isBetween(98.9, 99.1);
    assertThat(latencies.maxMillis()).isBetween(99.9, 100.1);
  }

  @Test
  void noSamplesIsNotANumberRatherThanZero() {
    assertThat(new Latencies().percentileMillis(99)).isNaN();
  }
}
