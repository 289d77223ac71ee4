package org.drivesync.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drivesync.DriveSyncApplication;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real limits, on an application of its own (the shared one lifts them for other tests). */
@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitTest {
  private static final TestDatabase DATABASE = TestDatabase.create("ratelimit");

  static final DropwizardAppExtension<DriveSyncConfiguration> APP =
      new DropwizardAppExtension<>(DriveSyncApplication.class, null, overrides());

  private static ConfigOverride[] overrides() {
    List<ConfigOverride> all = new ArrayList<>(TestApp.baseOverrides(DATABASE));
    all.add(ConfigOverride.config("auth.rateLimits.signInPerMinute", "3"));
    all.add(ConfigOverride.config("auth.rateLimits.badEnrolmentCodes", "3"));
    return all.toArray(ConfigOverride[]::new);
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.drop();
  }

  private Http http() {
    return new Http("http://localhost:" + APP.getLocalPort());
  }

  @Test
  void signInAttemptsFromOneAddressAreLimitedWithRetryAfter() {
    Http http = http();
    List<Integer> statuses = new ArrayList<>();
    Http.Reply last = null;
    for (int i = 0; i < 4; i++) {
      last = http.post("/api/v1/sessions", Map.of("email", "nobody@example.org", "password", "x"));
      statuses.add(last.status());
    }
    assertThat(statuses).containsExactly(401, 401, 401, 429);
    assertThat(last.code()).isEqualTo("rate_limited");
    assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
  }

  @Test
  void repeatedWrongEnrolmentCodesLockTheAddressOut() {
    Http http = http();
    for (int i = 0; i < 3; i++) {
      assertThat(
              http.post(
                      "/api/v1/devices/enrol",
                      Map.of("code", "WRNG-CODE-000" + i, "deviceName", "x", "appVersion", "1"))
                  .status())
          .isEqualTo(400);
    }
    assertThat(APP.getConfiguration().auth.rateLimits.badEnrolmentCodes).isEqualTo(3);
    Http.Reply locked =
        http.post(
            "/api/v1/devices/enrol",
            Map.of("code", "WRNG-CODE-0009", "deviceName", "x", "appVersion", "1"));
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("Retry-After")).isNotNull();
  }
}
