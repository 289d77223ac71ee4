package org.drivesync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.drivesync.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar run with no configuration file at all, on the embedded default in a fresh folder: its
 * access log carries UTC timestamps and request ids and no query strings; and after {@code kill -9}
 * the PostgreSQL it leaves running is found and stopped by the next start, which comes up by itself
 * with the data intact and says so in one log line.
 */
class KilledServiceRecoveryTest {
  @TempDir Path data;

  private final int port = ServerProcess.freePort();
  private final int adminPort = ServerProcess.freePort();

  private Process startJar(Path log) {
    // No configuration file: only Java defaults, and the ports and folder of this test.
    Process process =
        Jar.server(
            Map.of("DRIVESYNC_BOOTSTRAP_TOKEN", ServerProcess.ADMIN_TOKEN),
            log,
            List.of(
                "-Ddw.server.applicationConnectors[0].port=" + port,
                "-Ddw.server.adminConnectors[0].port=" + adminPort,
                "-Ddw.database.embedded.dataDirectory=" + data.resolve("postgres")));
    Jar.awaitHealthy(process, "http://127.0.0.1:" + adminPort, log);
    return process;
  }

  @Test
  void withNoConfigurationTheAccessLogHasTimesAndRequestIdsAndAfterKill9TheNextStartRecovers()
      throws Exception {
    Path firstLog = Path.of("target", "faults", "killed-service-first.log");
    Path secondLog = Path.of("target", "faults", "killed-service-second.log");
    Files.deleteIfExists(firstLog);
    Files.deleteIfExists(secondLog);
    Process first = startJar(firstLog);
    Optional<ProcessHandle> postgres = Optional.empty();
    try {
      Http http = new Http("http://127.0.0.1:" + port).as(ServerProcess.ADMIN_TOKEN);
      Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      String requestId = "access-log-" + port;
      assertThat(
              http.header("X-Request-Id", requestId)
                  .get("/api/v1/users?email=secret.person%40example.org")
                  .status())
          .isEqualTo(200);
      assertThat(
              http.post(
                      "/api/v1/users",
                      Map.of(
                          "name",
                          "Kept",
                          "email",
                          "kept@example.org",
                          "role",
                          "staff",
                          "password",
                          "survives kill -9"))
                  .status())
          .isEqualTo(201);
      assertThat(new Http("http://127.0.0.1:" + port).get("/dashboard/").status()).isEqualTo(200);

      String access = awaitLine(firstLog, requestId);
      assertThat(access)
          .matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z .*")
          .contains("\"GET /api/v1/users HTTP/1.1\" 200")
          .endsWith(" " + requestId);
      assertThat(Instant.parse(access.substring(0, access.indexOf(' '))))
          .isAfterOrEqualTo(before)
          .isBefore(Instant.now().plusSeconds(5));
      String dashboard = awaitLine(firstLog, "\"GET /dashboard/ HTTP/1.1\"");
      assertThat(dashboard)
          .as("files outside the API get ids too")
          .matches(".* [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
      assertThat(Jar.read(firstLog)).doesNotContain("secret.person").doesNotContain("email=");

      postgres = postmaster();
      assertThat(postgres).as("the embedded PostgreSQL runs").isPresent();
      first.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
      assertThat(postgres.get().isAlive()).as("kill -9 leaves PostgreSQL running").isTrue();

      Process second = startJar(secondLog);
      try {
        assertThat(postgres.get().isAlive()).as("the orphan was stopped").isFalse();
        List<String> recovery =
            Jar.read(secondLog)
                .lines()
                .filter(line -> line.contains("did not shut down cleanly"))
                .toList();
        assertThat(recovery).hasSize(1);
        assertThat(recovery.get(0))
            .contains("Stopped the embedded PostgreSQL (process " + postgres.get().pid() + ")")
            .contains(data.resolve("postgres").toString());
        assertThat(
                new Http("http://127.0.0.1:" + port)
                    .post(
                        "/api/v1/sessions",
                        Map.of("email", "kept@example.org", "password", "survives kill -9"))
                    .status())
            .as("the data is intact")
            .isEqualTo(201);
      } finally {
        Jar.stop(second);
      }
      assertThat(postmaster()).as("a clean stop stops PostgreSQL too").isEmpty();
    } finally {
      if (first.isAlive()) {
        first.destroyForcibly();
      }
      // Never leave a PostgreSQL behind on the shared machine, whatever failed.
      postgres.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
      postmaster().ifPresent(ProcessHandle::destroy);
    }
  }

  private Optional<ProcessHandle> postmaster() throws Exception {
    Path pid = data.resolve("postgres").resolve("postmaster.pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()))
        .filter(ProcessHandle::isAlive);
  }

  /** The access log is written asynchronously: wait a moment for the line. */
  private static String awaitLine(Path log, String containing) throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      Optional<String> line = Jar.read(log).lines().filter(l -> l.contains(containing)).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no access-log line with " + containing + " in\n" + Jar.read(log));
  }
}
