package org.drivesync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.drivesync.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's commands run beside a service on the embedded default, as the README says to: each
 * connects to the running service's PostgreSQL through the connection file beside the data folder,
 * does its work, exits 0, and never prints a stack trace. audit-verify's exit codes are those of
 * docs/operations.md: 0 intact, 1 broken, 2 could not check.
 */
class CommandsBesideServiceTest {
  @TempDir Path data;

  @Test
  void everyCommandWorksBesideTheRunningServiceWithItsDocumentedExitCodes() throws Exception {
    int port = ServerProcess.freePort();
    int adminPort = ServerProcess.freePort();
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "DRIVESYNC_DATA_DIR", data.resolve("postgres").toString(),
                "DRIVESYNC_PORT", Integer.toString(port),
                "DRIVESYNC_ADMIN_PORT", Integer.toString(adminPort),
                "DRIVESYNC_BOOTSTRAP_TOKEN", ServerProcess.ADMIN_TOKEN));
    String config = Jar.CONFIG.toString();
    Path log = Path.of("target", "faults", "commands-beside-service.log");
    Files.deleteIfExists(log);
    Process service = Jar.server(env, log, List.of(), config);
    try {
      Jar.awaitHealthy(service, "http://127.0.0.1:" + adminPort, log);
      Path connectionFile = data.resolve("postgres.running");
      assertThat(connectionFile).exists();
      Properties lease = new Properties();
      lease.load(Files.newBufferedReader(connectionFile));
      assertThat(lease.getProperty("pid")).isEqualTo(Long.toString(service.pid()));
      assertThat(lease.getProperty("role")).isEqualTo("service");

      Jar.Result info = ok(Jar.command(env, "", "db", "info", config));
      assertThat(info.out())
          .contains("Using the embedded PostgreSQL of the drivesync service")
          .contains("SUCCESS    password resets");
      assertThat(ok(Jar.command(env, "", "db", "migrate", config)).out())
          .contains("0 migration(s) pending");
      assertThat(ok(Jar.command(env, "", "audit-verify", config)).out())
          .contains("audit chain intact");

      Jar.Result admin =
          ok(
              Jar.command(
                  env,
                  "a password for the ops admin\n",
                  "create-admin",
                  "--name",
                  "Ops",
                  "--email",
                  "ops@example.org",
                  "--password-stdin",
                  config));
      assertThat(admin.out()).contains("Admin created, with a password");
      Http http = new Http("http://127.0.0.1:" + port);
      assertThat(
              http.post(
                      "/api/v1/sessions",
                      Map.of(
                          "email", "ops@example.org", "password", "a password for the ops admin"))
                  .status())
          .isEqualTo(201);

      assertThat(ok(Jar.command(env, "", "privacy-retention", config)).out()).contains("erased 0");
      assertThat(ok(Jar.command(env, "", "privacy-rotate-keys", config)).out())
          .contains("no ciphertext uses an older key");
      assertThat(ok(Jar.command(env, "", "demo-data", "--weeks", "1", config)).out())
          .contains("sign in at /dashboard/");
      assertThat(service.isAlive()).as("the service went on running").isTrue();

      // A refused command: one line on standard error, exit 1.
      Jar.Result duplicate =
          Jar.command(
              env, "", "create-admin", "--name", "Again", "--email", "ops@example.org", config);
      assertThat(duplicate.exitCode()).isEqualTo(1);
      assertOneLineError(duplicate, "create-admin: a user with the email ops@example.org exists");

      tamperWithTheAuditTrail(Integer.parseInt(lease.getProperty("port")));
      Jar.Result broken = Jar.command(env, "", "audit-verify", config);
      assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
      assertOneLineError(broken, "audit-verify: audit chain BROKEN at seq");
    } finally {
      Jar.stop(service);
    }
    assertThat(data.resolve("postgres.running")).as("removed at a clean stop").doesNotExist();

    Map<String, String> unreachable = new HashMap<>(env);
    unreachable.put(
        "DRIVESYNC_DATABASE_URL",
        "jdbc:postgresql://127.0.0.1:" + ServerProcess.freePort() + "/postgres?connectTimeout=2");
    Jar.Result noDatabase = Jar.command(unreachable, "", "audit-verify", config);
    assertThat(noDatabase.exitCode()).as(noDatabase.toString()).isEqualTo(2);
    assertOneLineError(noDatabase, "audit-verify: could not check the audit chain: PostgreSQL:");
    Jar.Result noConfig =
        Jar.command(env, "", "audit-verify", data.resolve("absent.yml").toString());
    assertThat(noConfig.exitCode()).isEqualTo(2);
    assertOneLineError(noConfig, "audit-verify: ");

    // With no service running, a command starts the embedded server itself, as before.
    Jar.Result alone = ok(Jar.command(env, "", "db", "info", config));
    assertThat(alone.out())
        .doesNotContain("Using the embedded PostgreSQL of")
        .contains("SUCCESS    password resets");
    assertThat(data.resolve("postgres.running")).doesNotExist();
  }

  private static Jar.Result ok(Jar.Result result) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertNoStackTrace(result);
    return result;
  }

  private static void assertOneLineError(Jar.Result result, String start) {
    assertNoStackTrace(result);
    List<String> lines = result.err().strip().lines().toList();
    assertThat(lines).as(result.toString()).hasSize(1);
    assertThat(lines.get(0)).startsWith(start);
  }

  private static void assertNoStackTrace(Jar.Result result) {
    assertThat(result.all())
        .as(result.toString())
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  private static void tamperWithTheAuditTrail(int postgresPort) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      assertThat(
              s.executeUpdate(
                  "UPDATE audit_events SET details = '{\"tampered\": true}'"
                      + " WHERE seq = (SELECT min(seq) + 1 FROM audit_events)"))
          .isEqualTo(1);
    }
  }
}
