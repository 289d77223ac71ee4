package org.drivesync.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drivesync.bench.ApiClient;
import org.drivesync.testing.TestDatabase;

/**
 * The service as a separate operating-system process, started from the test classpath with the
 * repository's config.yml — so a test can kill it with SIGKILL, restart it on the same database,
 * and watch its heap through the admin port as production would.
 */
final class ServerProcess implements AutoCloseable {
  static final String ADMIN_TOKEN = "fault-bootstrap-token-0123456789abcdef-0123456789";

  private final String name;
  private final TestDatabase database;
  private final List<String> jvmOptions;
  private final int port = freePort();
  private final int adminPort = freePort();
  private final Path log;
  private Process process;

  private ServerProcess(String name, TestDatabase database, List<String> jvmOptions) {
    this.name = name;
    this.database = database;
    this.jvmOptions = jvmOptions;
    this.log = Path.of("target", "faults", name + ".log");
  }

  /** Starts the service on {@code database} (migrated at start) and waits until it is healthy. */
  static ServerProcess start(String name, TestDatabase database, String... jvmOptions) {
    ServerProcess server = new ServerProcess(name, database, List.of(jvmOptions));
    server.startProcess();
    return server;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  String adminUrl() {
    return "http://127.0.0.1:" + adminPort;
  }

  Path log() {
    return log;
  }

  /** SIGKILL: no shutdown hook, no draining, connections cut mid-statement. */
  void kill9() {
    process.destroyForcibly();
    waitForExit();
  }

  /** Starts the service again on the same ports and database. */
  void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("still running");
    }
    startProcess();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitForExit();
    }
  }

  private void startProcess() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-Ddw.auth.bcryptCost=4",
            "-Ddw.auth.rateLimits.enrolPerMinute=100000",
            "-Ddw.auth.rateLimits.signInPerMinute=100000",
            "-cp",
            System.getProperty("java.class.path"),
            "org.drivesync.DriveSyncApplication",
            "server",
            Path.of(System.getProperty("user.dir")).resolveSibling("config.yml").toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("DRIVESYNC_DATABASE_URL", database.jdbcUrl());
    env.put("DRIVESYNC_DATABASE_USER", database.ownerUser());
    env.put("DRIVESYNC_DATABASE_PASSWORD", database.ownerPassword());
    env.put("DRIVESYNC_PORT", Integer.toString(port));
    env.put("DRIVESYNC_ADMIN_PORT", Integer.toString(adminPort));
    env.put("DRIVESYNC_BOOTSTRAP_TOKEN", ADMIN_TOKEN);
    // An external database needs keysets from outside it (docs/operations.md, "Keys").
    env.put(
        "DRIVESYNC_CONTACT_KEYSET_FILE", org.drivesync.testing.TestKeys.contactFile().toString());
    env.put("DRIVESYNC_LOOKUP_KEYSET_FILE", org.drivesync.testing.TestKeys.lookupFile().toString());
    env.put("DRIVESYNC_PUBLIC_URL", org.drivesync.testing.TestApp.PUBLIC_URL);
    env.put(
        "DRIVESYNC_AUDIT_MAC_KEYSET_FILE",
        org.drivesync.testing.TestKeys.auditMacFile().toString());
    env.put(
        "DRIVESYNC_AUDIT_SIGNING_KEYSET_FILE",
        org.drivesync.testing.TestKeys.auditSigningFile().toString());
    try {
      Files.createDirectories(log.getParent());
      builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitHealthy();
  }

  private void awaitHealthy() {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited early; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<Void> health =
            client.send(
                HttpRequest.newBuilder(URI.create(adminUrl() + "/healthcheck"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ApiClient.sleep(250);
    }
    throw new IllegalStateException(name + " not healthy after 120 s; see " + log.toAbsolutePath());
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
