package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolVersionsTest {

  @ParameterizedTest(name = "protocol version {0} supported: {1}")
  @CsvSource({"-1, false", "0, false", "1, true", "2, false", "2147483647, false"})
  void supportsExactlyVersionOne(int version, boolean supported) {
    assertThat(ProtocolVersions.isSupported(version)).isEqualTo(supported);
  }
}
