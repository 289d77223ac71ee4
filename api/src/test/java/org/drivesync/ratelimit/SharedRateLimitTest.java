package org.drivesync.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drivesync.DriveSyncApplication;
import org.drivesync.config.DriveSyncConfiguration;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 10: two instances on one database draw on the same buckets, so a second instance
 * does not double an attacker's budget.
 */
class SharedRateLimitTest {
  private static final TestDatabase DATABASE = TestDatabase.create("sharedlimits");
  private static DropwizardTestSupport<DriveSyncConfiguration> first;
  private static DropwizardTestSupport<DriveSyncConfiguration> second;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    first = instance();
    first.before(); // migrates; the second then finds the schema current
    second = instance();
    second.before();
  }

  private static DropwizardTestSupport<DriveSyncConfiguration> instance() {
    List<ConfigOverride> all = new ArrayList<>(TestApp.baseOverrides(DATABASE));
    all.add(ConfigOverride.config("auth.rateLimits.signInPerMinute", "4"));
    all.add(ConfigOverride.config("auth.rateLimits.badEnrolmentCodes", "3"));
    return new DropwizardTestSupport<>(
        DriveSyncApplication.class, (String) null, all.toArray(ConfigOverride[]::new));
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.after();
    }
    if (first != null) {
      first.after();
    }
    DATABASE.drop();
  }

  private static Http on(DropwizardTestSupport<DriveSyncConfiguration> app) {
    return new Http("http://localhost:" + app.getLocalPort());
  }

  @Test
  void signInAttemptsSpreadOverTwoInstancesShareOneBudget() {
    List<Integer> statuses = new ArrayList<>();
    Http.Reply last = null;
    for (int i = 0; i < 5; i++) {
      last =
          on(i % 2 == 0 ? first : second)
              .post("/api/v1/sessions", Map.of("email", "nobody@example.org", "password", "x"));
      statuses.add(last.status());
    }
    assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
    assertThat(last.code()).isEqualTo("rate_limited");
  }

  @Test
  void wrongEnrolmentCodesOnEitherInstanceLockTheAddressOutOnBoth() {
    Map<String, Object> wrong =
        Map.of("code", "WRNG-CODE-0001", "deviceName", "x", "appVersion", "1");
    assertThat(on(first).post("/api/v1/devices/enrol", wrong).status()).isEqualTo(400);
    assertThat(on(second).post("/api/v1/devices/enrol", wrong).status()).isEqualTo(400);
    assertThat(on(first).post("/api/v1/devices/enrol", wrong).status()).isEqualTo(400);
    assertThat(on(second).post("/api/v1/devices/enrol", wrong).status()).isEqualTo(429);
  }
}
