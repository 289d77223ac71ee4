package org.drivesync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.config.SignInThrottleConfig;
import org.drivesync.db.Jdbis;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4: failed sign-ins earn growing delays, by email and by address, answered the same
 * for an email with an account and one without; the right password passes once the (short) delay is
 * served; an admin can end it at once.
 */
class SignInThrottleTest {
  private final Fixtures fixtures = Fixtures.of(TestApp.get());
  private final Http http = fixtures.http();
  private static final String PASSWORD = "the right password 123";

  private String staffAccount() {
    String email = "throttle-" + UUID.randomUUID() + "@example.org";
    assertThat(
            fixtures
                .admin()
                .post(
                    "/api/v1/users",
                    Map.of("name", "T", "email", email, "role", "staff", "password", PASSWORD))
                .status())
        .isEqualTo(201);
    return email;
  }

  private List<String> wrongAttempts(String email, int count) {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Http.Reply reply =
          http.post("/api/v1/sessions", Map.of("email", email, "password", "wrong " + i));
      answers.add(reply.status() + " " + reply.code() + " " + reply.json().get("message").asText());
    }
    return answers;
  }

  @Test
  void knownAndUnknownEmailsGetTheSameAnswersAttemptByAttempt() {
    List<String> known = wrongAttempts(staffAccount(), 7);
    List<String> unknown = wrongAttempts("nobody-" + UUID.randomUUID() + "@example.org", 7);
    assertThat(known).isEqualTo(unknown);
    assertThat(known.subList(0, 6)).allMatch(a -> a.startsWith("401 unauthenticated"));
    assertThat(known.get(6)).startsWith("429 sign_in_throttled");
  }

  @Test
  void theRightPasswordPassesOnceTheShortDelayIsServed() throws InterruptedException {
    String email = staffAccount();
    wrongAttempts(email, 6);
    Http.Reply throttled =
        http.post("/api/v1/sessions", Map.of("email", email, "password", PASSWORD));
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.code()).isEqualTo("sign_in_throttled");
    int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
    assertThat(retryAfter).isBetween(1, 2);
    Thread.sleep(retryAfter * 1000L + 100);
    assertThat(http.post("/api/v1/sessions", Map.of("email", email, "password", PASSWORD)).status())
        .isEqualTo(201);
  }

  @Test
  void delaysGrowWithEachFurtherFailureUpToTheCap() {
    assertThat(SignInThrottle.delay(1, 60_000).toMillis()).isEqualTo(1000);
    assertThat(SignInThrottle.delay(2, 60_000).toMillis()).isEqualTo(2000);
    assertThat(SignInThrottle.delay(5, 60_000).toMillis()).isEqualTo(16_000);
    assertThat(SignInThrottle.delay(7, 60_000).toMillis()).isEqualTo(60_000);
    assertThat(SignInThrottle.delay(500, 60_000).toMillis()).isEqualTo(60_000);
  }

  @Test
  void anAdminUnlockEndsTheDelayAtOnce() {
    String email = staffAccount();
    wrongAttempts(email, 6);
    assertThat(http.post("/api/v1/sessions", Map.of("email", email, "password", PASSWORD)).status())
        .isEqualTo(429);
    UUID id = UUID.fromString(userId(email));
    assertThat(fixtures.admin().post("/api/v1/users/" + id + "/unlock", Map.of()).status())
        .isEqualTo(204);
    assertThat(http.post("/api/v1/sessions", Map.of("email", email, "password", PASSWORD)).status())
        .isEqualTo(201);
    assertThat(
            http.as(fixtures.staff().token())
                .get("/api/v1/audit?action=user.unlock&limit=1000")
                .text())
        .contains(id.toString());
  }

  @Test
  void oneAddressTryingManyEmailsIsSlowedToo() {
    SignInThrottleConfig config = new SignInThrottleConfig();
    config.addressFreeFailures = 3;
    SignInThrottle throttle =
        new SignInThrottle(
            Jdbis.over(TestApp.get().database().appDataSource()), config, Clock.systemUTC());
    String address = "192.0.2." + (int) (Math.random() * 250);
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure("spray-" + UUID.randomUUID() + "@example.org", address);
    }
    ApiException refused =
        assertThrows(
            ApiException.class,
            () -> throttle.check("fresh-" + UUID.randomUUID() + "@example.org", address));
    assertThat(refused.code()).isEqualTo(ErrorCode.SIGN_IN_THROTTLED);
    throttle.check(
        "fresh-" + UUID.randomUUID() + "@example.org", "198.51.100.7"); // elsewhere: fine
  }

  private String userId(String email) {
    for (var user : fixtures.admin().get("/api/v1/users").json()) {
      if (email.equals(user.path("email").asText())) {
        return user.get("id").asText();
      }
    }
    throw new IllegalStateException("no user " + email);
  }
}
