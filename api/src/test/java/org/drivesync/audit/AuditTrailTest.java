package org.drivesync.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Http;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestKeys;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditTrailTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private final AuditLog auditLog = TestKeys.auditLog();

  private AuditChainVerifier verifier() {
    return new AuditChainVerifier(Jdbi.create(db.appDataSource()), TestKeys.auditKeys(), List::of);
  }

  /** Each test starts from an empty chain: several of them break it on purpose. */
  @BeforeEach
  void emptyTheChain() throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.executeUpdate("DELETE FROM audit_events");
    }
  }

  private void appendAsApp(int count) {
    Jdbi app = Jdbi.create(db.appDataSource());
    for (int i = 0; i < count; i++) {
      int n = i;
      app.useTransaction(
          h ->
              auditLog.append(
                  h,
                  new Actor(UUID.randomUUID(), null, "req-" + n),
                  "drive.update",
                  "drive",
                  UUID.randomUUID(),
                  Map.of("n", n, "status", "active")));
    }
  }

  @Test
  void theChainVerifiesAndASuperuserEditIsFoundAtItsRow() throws SQLException {
    appendAsApp(12);
    AuditChainVerifier verifier = verifier();
    AuditChainVerifier.Result intact = verifier.verify();
    assertThat(intact.intact()).isTrue();
    assertThat(intact.rowsChecked()).isGreaterThanOrEqualTo(12);

    long target;
    try (Connection c = db.ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT seq FROM audit_events ORDER BY seq OFFSET 6 LIMIT 1");
      rs.next();
      target = rs.getLong(1);
      // A superuser can get past the trigger; the chain is what catches it.
      s.execute("SET session_replication_role = replica");
      s.executeUpdate(
          "UPDATE audit_events SET details = '{\"n\": 999, \"status\": \"active\"}' WHERE seq = "
              + target);
    }

    AuditChainVerifier.Result broken = verifier.verify();
    assertThat(broken.intact()).isFalse();
    assertThat(broken.firstBrokenSeq()).isEqualTo(target);
    assertThat(broken.rowsChecked()).isEqualTo(6);
  }

  @Test
  void theAppRoleCannotUpdateOrDeleteAuditRows() throws SQLException {
    appendAsApp(1);
    try (Connection c = db.appDataSource().getConnection();
        Statement s = c.createStatement()) {
      SQLException update =
          assertThrows(
              SQLException.class, () -> s.executeUpdate("UPDATE audit_events SET action = 'x.y'"));
      assertThat(update.getSQLState()).isEqualTo("42501");
      SQLException delete =
          assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_events"));
      assertThat(delete.getSQLState()).isEqualTo("42501");
      SQLException truncate =
          assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE audit_events"));
      assertThat(truncate.getSQLState()).isEqualTo("42501");
    }
  }

  @Test
  void evenTheOwnerIsStoppedByTheTrigger() throws SQLException {
    appendAsApp(1);
    try (Connection c = db.ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      SQLException delete =
          assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_events"));
      assertThat(delete.getSQLState()).isEqualTo("42501");
    }
  }

  @Test
  void securityEventsAreAuditedWithoutPersonalData() {
    Fixtures fixtures = Fixtures.of(TestApp.get());
    Http http = fixtures.http();
    Person staff = fixtures.staff();
    String email = "someone-" + UUID.randomUUID() + "@example.org";
    http.post("/api/v1/sessions", Map.of("email", email, "password", "not the password"));
    Fixtures.Phone phone = fixtures.participantWithPhone(Fixtures.YORKSHIRE);
    http.as(phone.token()).get("/api/v1/audit");
    fixtures.admin().delete("/api/v1/devices/" + phone.deviceId());

    JsonNode failed =
        http.as(staff.token()).get("/api/v1/audit?action=session.login_failed&limit=1000").json();
    assertThat(failed.get("events").size()).isGreaterThan(0);
    String everything = http.as(staff.token()).get("/api/v1/audit?limit=1000").text();
    assertThat(everything)
        .doesNotContain(email)
        .doesNotContain(phone.token())
        .doesNotContain(TestApp.ADMIN_TOKEN);
    assertThat(
            http.as(staff.token()).get("/api/v1/audit?action=access.forbidden&limit=1000").text())
        .contains(phone.deviceId().toString());
    assertThat(http.as(staff.token()).get("/api/v1/audit?action=device.revoke&limit=1000").text())
        .contains(phone.deviceId().toString());
    assertThat(http.as(staff.token()).get("/api/v1/audit?action=device.enrol&limit=1000").text())
        .contains(phone.deviceId().toString());

    JsonNode verify = http.as(staff.token()).get("/api/v1/audit/verify").json();
    assertThat(verify.get("intact").asBoolean()).isTrue();
  }

  @Test
  void staffTakeExportAndVerifyAgainstSignedCheckpoints() {
    Fixtures fixtures = Fixtures.of(TestApp.get());
    Http staff = fixtures.http().as(fixtures.staff().token());
    Http.Reply taken = staff.post("/api/v1/audit/checkpoints", Map.of());
    assertThat(taken.status()).isEqualTo(201);
    JsonNode checkpoint = taken.json();
    assertThat(checkpoint.get("signature").asText()).isNotBlank();
    // The request's own audit.checkpoint event is the row it signs.
    assertThat(staff.get("/api/v1/audit?action=audit.checkpoint&limit=1000").text())
        .contains("\"seq\":" + checkpoint.get("seq").asLong());

    assertThat(staff.get("/api/v1/audit/checkpoints").text())
        .contains(checkpoint.get("signature").asText());
    JsonNode verified =
        staff.post("/api/v1/audit/verify", Map.of("checkpoints", List.of(checkpoint))).json();
    assertThat(verified.get("intact").asBoolean()).isTrue();
    assertThat(verified.get("anchoredToSeq").asLong())
        .isGreaterThanOrEqualTo(checkpoint.get("seq").asLong());

    Map<String, Object> forged =
        Map.of(
            "seq",
            checkpoint.get("seq").asLong(),
            "hash",
            checkpoint.get("hash").asText(),
            "signedAt",
            "2020-01-01T00:00:00Z",
            "signature",
            checkpoint.get("signature").asText());
    JsonNode refused =
        staff.post("/api/v1/audit/verify", Map.of("checkpoints", List.of(forged))).json();
    assertThat(refused.get("intact").asBoolean()).isFalse();
    assertThat(refused.get("problem").asText()).contains("not signed");
    Http.Reply malformed =
        staff.post("/api/v1/audit/verify", Map.of("checkpoints", List.of(Map.of("seq", 1))));
    assertThat(malformed.status()).isEqualTo(400);
  }
}
