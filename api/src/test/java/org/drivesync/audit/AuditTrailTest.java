package org.drivesync.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Http;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditTrailTest {
  @RegisterExtension static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private final AuditLog auditLog = new AuditLog();

  private void appendAsApp(int count) {
    Jdbi app = Jdbi.create(db.appDataSource());
    for (int i = 0; i < count; i++) {
      int n = i;
      app.useTransaction(h -> auditLog.append(h, new Actor(UUID.randomUUID(), null, "req-" + n),
          "drive.update", "drive", UUID.randomUUID(), Map.of("n", n, "status", "active")));
    }
  }

  @Test
  void theChainVerifiesAndASuperuserEditIsFoundAtItsRow() throws SQLException {
    appendAsApp(12);
    AuditChainVerifier verifier = new AuditChainVerifier(Jdbi.create(db.appDataSource()));
    AuditChainVerifier.Result intact = verifier.verify();
    assertThat(intact.intact()).isTrue();
    assertThat(intact.rowsChecked()).isGreaterThanOrEqualTo(12);

    long target;
    try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT seq FROM audit_events ORDER BY seq OFFSET 6 LIMIT 1");
      rs.next();
      target = rs.getLong(1);
      // A superuser can get past the trigger; the chain is what catches it.
      s.execute("SET session_replication_role = replica");
      s.executeUpdate("UPDATE audit_events SET details = '{\"n\": 999, \"status\": \"active\"}' WHERE seq = " + target);
    }

    AuditChainVerifier.Result broken = verifier.verify();
    assertThat(broken.intact()).isFalse();
    assertThat(broken.firstBrokenSeq()).isEqualTo(target);
    assertThat(broken.rowsChecked()).isEqualTo(6);
  }

  @Test
  void theAppRoleCannotUpdateOrDeleteAuditRows() throws SQLException {
    appendAsApp(1);
    try (Connection c = db.appDataSource().getConnection(); Statement s = c.createStatement()) {
      SQLException update = assertThrows(SQLException.class,
          () -> s.executeUpdate("UPDATE audit_events SET action = 'x.y'"));
      assertThat(update.getSQLState()).isEqualTo("42501");
      SQLException delete = assertThrows(SQLException.class,
          () -> s.executeUpdate("DELETE FROM audit_events"));
      assertThat(delete.getSQLState()).isEqualTo("42501");
      SQLException truncate = assertThrows(SQLException.class,
          () -> s.executeUpdate("TRUNCATE audit_events"));
      assertThat(truncate.getSQLState()).isEqualTo("42501");
    }
  }

  @Test
  void evenTheOwnerIsStoppedByTheTrigger() throws SQLException {
    appendAsApp(1);
    try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
      SQLException delete = assertThrows(SQLException.class,
          () -> s.executeUpdate("DELETE FROM audit_events"));
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

    JsonNode failed = http.as(staff.token()).get("/api/v1/audit?action=session.login_failed&limit=1000").json();
    assertThat(failed.get("events").size()).isGreaterThan(0);
    String everything = http.as(staff.token()).get("/api/v1/audit?limit=1000").text();
    assertThat(everything).doesNotContain(email).doesNotContain(phone.token())
        .doesNotContain(TestApp.ADMIN_TOKEN);
    assertThat(http.as(staff.token()).get("/api/v1/audit?action=access.forbidden&limit=1000").text())
        .contains(phone.deviceId().toString());
    assertThat(http.as(staff.token()).get("/api/v1/audit?action=device.revoke&limit=1000").text())
        .contains(phone.deviceId().toString());
    assertThat(http.as(staff.token()).get("/api/v1/audit?action=device.enrol&limit=1000").text())
        .contains(phone.deviceId().toString());

    JsonNode verify = http.as(staff.token()).get("/api/v1/audit/verify").json();
    assertThat(verify.get("intact").asBoolean()).isTrue();
  }
}
