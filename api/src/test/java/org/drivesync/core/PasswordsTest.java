package org.drivesync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.auth.Tokens;
import org.drivesync.testing.Audit;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/** Admins set and reset passwords; everyone signed in changes their own (docs/security.md). */
class PasswordsTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private final Http http = app.http();
  private final Http admin = fixtures.admin();

  private record Account(UUID id, String email) {}

  private Account create(String role, Object password, boolean reset, JsonNode[] created) {
    String email = role + "-pw-" + UUID.randomUUID() + "@example.org";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Pw " + role);
    body.put("email", email);
    body.put("role", role);
    if (role.equals("organiser")) {
      body.put("regions", List.of(Fixtures.NORTH_WEST));
    }
    if (password != null) {
      body.put("password", password);
    }
    if (reset) {
      body.put("issuePasswordReset", true);
    }
    Http.Reply reply = admin.post("/api/v1/users", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    if (created != null) {
      created[0] = reply.json();
    }
    return new Account(UUID.fromString(reply.json().get("id").asText()), email);
  }

  private Http.Reply signIn(String email, String password) {
    return http.post("/api/v1/sessions", Map.of("email", email, "password", password));
  }

  private String session(String email, String password) {
    Http.Reply reply = signIn(email, password);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("token").asText();
  }

  private Http.Reply redeem(String token, String newPassword) {
    return http.post("/api/v1/password-resets", Map.of("token", token, "newPassword", newPassword));
  }

  @Test
  void anOrganiserStaffMemberOrAdminWithNoWayToSignInIsRefused() {
    for (String role : List.of("organiser", "staff", "admin")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", "No way in");
      body.put("email", role + "-none-" + UUID.randomUUID() + "@example.org");
      body.put("role", role);
      if (role.equals("organiser")) {
        body.put("regions", List.of(Fixtures.NORTH_WEST));
      }
      Http.Reply refused = admin.post("/api/v1/users", body);
      assertThat(refused.status()).as(role).isEqualTo(400);
      assertThat(refused.code()).as(role).isEqualTo("sign_in_required");
      body.put("issuePasswordReset", false);
      assertThat(admin.post("/api/v1/users", body).code()).isEqualTo("sign_in_required");
      body.put("issuePasswordReset", true);
      body.put("password", "both given at once here");
      assertThat(admin.post("/api/v1/users", body).code()).isEqualTo("validation_failed");
    }
    Map<String, Object> participant =
        Map.of(
            "name",
            "P",
            "role",
            "participant",
            "regions",
            List.of(Fixtures.NORTH_WEST),
            "issuePasswordReset",
            true);
    assertThat(admin.post("/api/v1/users", participant).code()).isEqualTo("validation_failed");
  }

  @Test
  void aResetIssuedWithTheAccountSetsThePasswordOnceAndIsKeptOnlyAsAHash() throws Exception {
    JsonNode[] created = new JsonNode[1];
    Account staff = create("staff", null, true, created);
    JsonNode reset = created[0].get("passwordReset");
    String token = reset.get("token").asText();
    assertThat(Instant.parse(reset.get("expiresAt").asText()))
        .isCloseTo(Instant.now().plus(Duration.ofHours(24)), within(5, ChronoUnit.MINUTES));
    assertThat(created[0].get("role").asText()).isEqualTo("staff");
    assertThat(created[0].has("password")).isFalse();
    assertThat(stored(staff.id())).isEqualTo(Tokens.hash(token)).isNotEqualTo(token.getBytes());
    assertThat(signIn(staff.email(), "any password at all").status()).isEqualTo(401);

    assertThat(redeem(token, "short").code()).isEqualTo("validation_failed");
    assertThat(redeem(token, "my own new passphrase").status()).isEqualTo(204);
    session(staff.email(), "my own new passphrase");
    Http.Reply again = redeem(token, "another new passphrase");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.code()).isEqualTo("password_reset_invalid");
    assertThat(signIn(staff.email(), "another new passphrase").status()).isEqualTo(401);

    Audit audit = new Audit(http.as(fixtures.staff().token()));
    assertThat(audit.last("user.password_reset_issue").get("entityId").asText())
        .isEqualTo(staff.id().toString());
    JsonNode used = audit.last("user.password_reset_use");
    assertThat(used.get("entityId").asText()).isEqualTo(staff.id().toString());
    assertThat(used.toString()).doesNotContain(token);
  }

  @Test
  void anAdminsResetTokenExpiresAndOnlyTheLatestWorks() throws Exception {
    Account organiser = create("organiser", "the first password 1", false, null);
    Http.Reply first = admin.post("/api/v1/users/" + organiser.id() + "/password-reset", Map.of());
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    Http.Reply second = admin.post("/api/v1/users/" + organiser.id() + "/password-reset", Map.of());
    assertThat(redeem(first.json().get("token").asText(), "a replaced token 123").code())
        .isEqualTo("password_reset_invalid");

    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement age =
            c.prepareStatement(
                """
            UPDATE password_resets SET created_at = now() - interval '25 hours',
                                       expires_at = now() - interval '1 hour'
            WHERE user_id = ?""")) {
      age.setObject(1, organiser.id());
      assertThat(age.executeUpdate()).isEqualTo(1);
    }
    Http.Reply expired = redeem(second.json().get("token").asText(), "too late for this 1");
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.code()).isEqualTo("password_reset_invalid");
    session(organiser.email(), "the first password 1");

    UUID participant = fixtures.participant(Fixtures.NORTH_WEST);
    Http.Reply forParticipant =
        admin.post("/api/v1/users/" + participant + "/password-reset", Map.of());
    assertThat(forParticipant.status()).isEqualTo(409);
    assertThat(
            admin.post("/api/v1/users/" + UUID.randomUUID() + "/password-reset", Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  void anAdminSetsAPasswordAndThePersonsSessionsEnd() {
    Account staff = create("staff", "the old password 12", false, null);
    String oldSession = session(staff.email(), "the old password 12");
    Http.Reply set =
        admin.put(
            "/api/v1/users/" + staff.id() + "/password", Map.of("password", "set by the admin 12"));
    assertThat(set.status()).as(set.toString()).isEqualTo(204);
    assertThat(http.as(oldSession).get("/api/v1/users").status()).isEqualTo(401);
    assertThat(signIn(staff.email(), "the old password 12").status()).isEqualTo(401);
    session(staff.email(), "set by the admin 12");
    assertThat(
            admin
                .put("/api/v1/users/" + staff.id() + "/password", Map.of("password", "short"))
                .code())
        .isEqualTo("validation_failed");
    assertThat(
            admin
                .put(
                    "/api/v1/users/" + fixtures.participant(Fixtures.NORTH_WEST) + "/password",
                    Map.of("password", "participants have none"))
                .status())
        .isEqualTo(409);
  }

  @Test
  void everySignedInPersonChangesTheirOwnPasswordAndTheirOtherSessionsEnd() {
    for (String role : List.of("organiser", "staff", "admin")) {
      Account person = create(role, "my first password 1", false, null);
      String here = session(person.email(), "my first password 1");
      String elsewhere = session(person.email(), "my first password 1");
      Http.Reply wrong =
          http.as(here)
              .put(
                  "/api/v1/sessions/current/password",
                  Map.of(
                      "currentPassword", "not my password", "newPassword", "my second password 2"));
      assertThat(wrong.status()).as(role).isEqualTo(400);
      assertThat(wrong.code()).isEqualTo("current_password_incorrect");
      Http.Reply changed =
          http.as(here)
              .put(
                  "/api/v1/sessions/current/password",
                  Map.of(
                      "currentPassword",
                      "my first password 1",
                      "newPassword",
                      "my second password 2"));
      assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
      assertThat(http.as(here).get("/api/v1/users/" + person.id()).status())
          .as(role)
          .isEqualTo(200);
      assertThat(http.as(elsewhere).get("/api/v1/users/" + person.id()).status()).isEqualTo(401);
      assertThat(signIn(person.email(), "my first password 1").status()).isEqualTo(401);
      session(person.email(), "my second password 2");
    }
    assertThat(
            admin
                .put(
                    "/api/v1/sessions/current/password",
                    Map.of("currentPassword", "", "newPassword", "my second password 2"))
                .status())
        .as("token-only admin")
        .isEqualTo(409);
    Fixtures.Phone phone = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    assertThat(
            http.as(phone.token())
                .put(
                    "/api/v1/sessions/current/password",
                    Map.of("currentPassword", "x", "newPassword", "my second password 2"))
                .status())
        .isEqualTo(403);
  }

  private byte[] stored(UUID userId) throws Exception {
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT token_hash FROM password_resets WHERE user_id = ?")) {
      s.setObject(1, userId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getBytes(1);
      }
    }
  }
}
