package org.drivesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

class TokenSecurityTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private final Http http = app.http();

  @Test
  void aTokenInTheQueryStringIsRefusedEvenWithAValidHeader() {
    Phone phone = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    Http.Reply named = http.get("/api/v1/drives?access_token=" + phone.token());
    assertThat(named.status()).isEqualTo(400);
    assertThat(named.code()).isEqualTo("token_in_query");
    Http.Reply anyName = http.as(phone.token()).get("/api/v1/drives?x=" + phone.token());
    assertThat(anyName.status()).isEqualTo(400);
    assertThat(anyName.code()).isEqualTo("token_in_query");
  }

  @Test
  void revokingADeviceTakesEffectOnItsNextRequest() {
    Phone phone = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    Http device = http.as(phone.token());
    assertThat(device.get("/api/v1/drives").status()).isEqualTo(200);

    assertThat(fixtures.admin().delete("/api/v1/devices/" + phone.deviceId()).status())
        .isEqualTo(204);

    Http.Reply after = device.get("/api/v1/drives");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.code()).isEqualTo("unauthenticated");
    assertThat(after.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void aParticipantCanRevokeTheirOwnLostPhoneFromAnother() {
    UUID participant = fixtures.participant(Fixtures.NORTH_WEST);
    Phone lost = fixtures.phone(participant);
    Phone spare = fixtures.phone(participant);
    assertThat(http.as(spare.token()).delete("/api/v1/devices/" + lost.deviceId()).status())
        .isEqualTo(204);
    assertThat(http.as(lost.token()).get("/api/v1/drives").status()).isEqualTo(401);
    assertThat(http.as(spare.token()).get("/api/v1/drives").status()).isEqualTo(200);
  }

  @Test
  void rotatingADeviceTokenRetiresTheOldOne() {
    Phone phone = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    Http.Reply rotated = http.as(phone.token()).post("/api/v1/devices/current/token", Map.of());
    assertThat(rotated.status()).isEqualTo(200);
    String fresh = rotated.json().get("token").asText();
    assertThat(fresh).isNotEqualTo(phone.token());
    assertThat(http.as(phone.token()).get("/api/v1/drives").status()).isEqualTo(401);
    assertThat(http.as(fresh).get("/api/v1/drives").status()).isEqualTo(200);
  }

  @Test
  void deviceTokensExpireWithin30Days() {
    Phone phone = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    Http.Reply rotated = http.as(phone.token()).post("/api/v1/devices/current/token", Map.of());
    java.time.Instant expires = java.time.Instant.parse(rotated.json().get("expiresAt").asText());
    assertThat(expires)
        .isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(30).plusMinutes(1)));
  }

  @Test
  void anEnrolmentCodeWorksOnce() {
    UUID participant = fixtures.participant(Fixtures.NORTH_WEST);
    String code = fixtures.enrolmentCode(participant);
    Map<String, String> body = Map.of("code", code, "deviceName", "a", "appVersion", "1");
    assertThat(http.post("/api/v1/devices/enrol", body).status()).isEqualTo(201);
    Http.Reply second = http.post("/api/v1/devices/enrol", body);
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.code()).isEqualTo("enrolment_code_invalid");
  }

  @Test
  void anEnrolmentCodeIsTypedForgivinglyButGuessedCodesFail() {
    UUID participant = fixtures.participant(Fixtures.NORTH_WEST);
    String code = fixtures.enrolmentCode(participant);
    String typed = code.toLowerCase().replace("-", " ");
    assertThat(
            http.post(
                    "/api/v1/devices/enrol",
                    Map.of("code", typed, "deviceName", "a", "appVersion", "1"))
                .status())
        .isEqualTo(201);
    assertThat(
            http.post(
                    "/api/v1/devices/enrol",
                    Map.of("code", "AAAA-BBBB-CCCC", "deviceName", "a", "appVersion", "1"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void anExpiredEnrolmentCodeFails() throws Exception {
    UUID participant = fixtures.participant(Fixtures.NORTH_WEST);
    String code = fixtures.enrolmentCode(participant);
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE enrolments SET expires_at = now() - interval '1 second' WHERE user_id = ?")) {
      s.setObject(1, participant);
      s.executeUpdate();
    }
    Http.Reply reply =
        http.post(
            "/api/v1/devices/enrol", Map.of("code", code, "deviceName", "a", "appVersion", "1"));
    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void enrolmentCodesExpireWithin15MinutesAndComeWithAQrPng() {
    UUID participant = fixtures.participant(Fixtures.NORTH_WEST);
    Http.Reply enrolment =
        fixtures.admin().post("/api/v1/users/" + participant + "/enrolments", Map.of());
    java.time.Instant expires = java.time.Instant.parse(enrolment.json().get("expiresAt").asText());
    assertThat(expires).isBefore(java.time.Instant.now().plusSeconds(15 * 60 + 5));
    byte[] png = Base64.getDecoder().decode(enrolment.json().get("qr").asText());
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    Http.Reply image =
        fixtures
            .admin()
            .get(
                "/api/v1/users/"
                    + participant
                    + "/enrolments/"
                    + enrolment.json().get("id").asText()
                    + "/qr.png");
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.header("Content-Type")).isEqualTo("image/png");
    assertThat(image.bytes()).isEqualTo(png);
  }

  @Test
  void aDeviceCannotBeEnrolledForAnUntrainedParticipant() {
    Http.Reply created =
        fixtures
            .admin()
            .post(
                "/api/v1/users",
                Map.of(
                    "name",
                    "Untrained",
                    "role",
                    "participant",
                    "regions",
                    List.of(Fixtures.NORTH_WEST)));
    Http.Reply enrolment =
        fixtures
            .admin()
            .post("/api/v1/users/" + created.json().get("id").asText() + "/enrolments", Map.of());
    assertThat(enrolment.status()).isEqualTo(409);
    assertThat(enrolment.code()).isEqualTo("training_not_recorded");
  }

  @Test
  void signingOutEndsTheSession() {
    Person organiser = fixtures.organiser(Fixtures.NORTH_WEST);
    Http session = http.as(organiser.token());
    assertThat(session.delete("/api/v1/sessions/current").status()).isEqualTo(204);
    assertThat(session.get("/api/v1/drives").status()).isEqualTo(401);
  }

  @Test
  void deactivatingAUserRevokesTheirDevicesAtOnce() {
    Phone phone = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    assertThat(
            fixtures
                .admin()
                .patch("/api/v1/users/" + phone.participantId(), Map.of("active", false))
                .status())
        .isEqualTo(200);
    assertThat(http.as(phone.token()).get("/api/v1/drives").status()).isEqualTo(401);
  }

  @Test
  void participantsCannotSignInWithAPassword() {
    Http.Reply reply =
        fixtures
            .admin()
            .post(
                "/api/v1/users",
                Map.of(
                    "name",
                    "P",
                    "role",
                    "participant",
                    "regions",
                    List.of(Fixtures.NORTH_WEST),
                    "email",
                    "p-" + UUID.randomUUID() + "@example.org",
                    "password",
                    "a password long enough"));
    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void noStoredValueEqualsAnIssuedToken() throws Exception {
    Phone phone = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    Person organiser = fixtures.organiser(Fixtures.NORTH_WEST);
    String code = fixtures.enrolmentCode(fixtures.participant(Fixtures.NORTH_WEST));
    String passwordReset =
        fixtures
            .admin()
            .post("/api/v1/users/" + fixtures.staff().id() + "/password-reset", Map.of())
            .json()
            .get("token")
            .asText();
    List<String> secrets =
        List.of(phone.token(), organiser.token(), TestApp.ADMIN_TOKEN, code, passwordReset);
    List<String> found = new ArrayList<>();
    try (Connection c = app.database().ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              """
          SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND data_type IN ('text', 'bytea', 'jsonb', 'character varying')
          """)) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] column : columns) {
        for (String secret : secrets) {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT count(*) FROM "
                      + column[0]
                      + " WHERE position(? in encode(convert_to("
                      + column[1]
                      + "::text, 'UTF8'), 'escape')) > 0 OR "
                      + column[1]
                      + "::text = ? OR "
                      + column[1]
                      + "::text = ?")) {
            p.setString(1, secret);
            p.setString(2, secret);
            p.setString(3, "\\x" + java.util.HexFormat.of().formatHex(secret.getBytes()));
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              if (rs.getInt(1) > 0) {
                found.add(column[0] + "." + column[1]);
              }
            }
          }
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM access_tokens WHERE token_hash = sha256(convert_to('"
                  + phone.token()
                  + "', 'UTF8'))")) {
        rs.next();
        assertThat(rs.getInt(1)).as("the token's SHA-256 is what is stored").isEqualTo(1);
      }
    }
    // The QR payload of an unused enrolment holds its code until used or expired
    // (docs/security.md).
    found.removeIf(where -> where.equals("enrolments.qr_payload"));
    assertThat(found).isEmpty();
  }
}
