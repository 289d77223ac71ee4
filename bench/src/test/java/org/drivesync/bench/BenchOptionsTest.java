package org.drivesync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void defaultsAreTheIssuesScenarios() {
    BenchOptions o = BenchOptions.parse("--admin-token", "t");
    assertThat(o.scenarios).containsExactly("a", "b", "c", "d");
    assertThat(o.aDevices * o.aBatches * o.aBatch).isEqualTo(200_000);
    assertThat(o.bDevices).isEqualTo(50);
    assertThat(o.bBatch).isEqualTo(100);
    assertThat(o.cRecords).isEqualTo(200_000);
    assertThat(o.dRecords).isEqualTo(1_000_000);
  }

  @Test
  void quickShrinksTheCountsAndOptionsOverrideThem() {
    BenchOptions o =
        BenchOptions.parse(
            "--admin-token", "t", "--quick", "--c-records", "1_000", "--admin-url", "none");
    assertThat(o.aBatches).isEqualTo(5);
    assertThat(o.cRecords).isEqualTo(1_000);
    assertThat(o.adminUrl).isNull();
  }

  @Test
  void mistakesAreRefusedRatherThanIgnored() {
    assertThatThrownBy(() -> BenchOptions.parse("--admin-token", "t", "--a-device", "8"))
        .hasMessageContaining("unknown option --a-device");
    assertThatThrownBy(() -> BenchOptions.parse("--admin-token", "t", "--scenarios", "a,e"))
        .hasMessageContaining("unknown scenario");
    assertThatThrownBy(() -> BenchOptions.parse("--admin-token", "t", "--a-batch", "lots"))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> BenchOptions.parse("--admin-token"))
        .hasMessageContaining("needs a value");
  }
}
