package org.drivesync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 8: answers carrying tokens, enrolment codes, contacts or subject access reports are
 * never cached; the API docs page cannot be framed and runs only its own scripts.
 */
class NoStoreTest {
  private final Fixtures fixtures = Fixtures.of(TestApp.get());
  private final Http http = fixtures.http();

  @Test
  void answersCarryingSecretsOrPersonalDataAreNoStore() {
    String email = "nostore-" + UUID.randomUUID() + "@example.org";
    fixtures
        .admin()
        .post(
            "/api/v1/users",
            Map.of(
                "name",
                "N",
                "email",
                email,
                "role",
                "staff",
                "password",
                "a long enough password"));
    Http.Reply session =
        http.post("/api/v1/sessions", Map.of("email", email, "password", "a long enough password"));
    assertThat(session.status()).isEqualTo(201);
    UUID participant = fixtures.participant(Fixtures.NORTH_EAST);
    Http.Reply enrolment =
        fixtures.admin().post("/api/v1/users/" + participant + "/enrolments", Map.of());
    assertThat(enrolment.status()).isEqualTo(201);
    Http staff = http.as(fixtures.staff().token());
    Http.Reply access =
        staff.post(
            "/api/v1/privacy/access-requests",
            Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org"));
    Http.Reply contacts = staff.get("/api/v1/follow-ups?reason=checking+no-store");
    Http.Reply refused = http.post("/api/v1/sessions", Map.of("email", email, "password", "wrong"));
    for (Http.Reply reply : new Http.Reply[] {session, enrolment, access, contacts, refused}) {
      assertThat(reply.header("Cache-Control")).as(reply.toString()).isEqualTo("no-store");
    }
  }

  @Test
  void publicCacheableAnswersKeepTheirOwnPolicy() {
    assertThat(http.get("/api/v1/eligibility/rulesets/current").header("Cache-Control"))
        .isNotEqualTo("no-store");
  }

  @Test
  void theApiDocsPageHasACspAndCannotBeFramed() {
    Http.Reply docs = http.get("/api/docs/");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.header("Content-Security-Policy"))
        .contains("frame-ancestors 'none'")
        .contains("script-src 'self'");
    assertThat(docs.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(http.get("/api/docs/ui/swagger-ui-bundle.js").header("X-Content-Type-Options"))
        .isEqualTo("nosniff");
  }
}
