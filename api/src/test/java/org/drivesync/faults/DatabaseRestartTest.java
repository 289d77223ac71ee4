package org.drivesync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.drivesync.bench.ApiClient;
import org.drivesync.bench.LoadStats;
import org.drivesync.bench.Provisioning;
import org.drivesync.bench.SimulatedDevice;
import org.drivesync.bench.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fault 3: PostgreSQL stops and starts again under load. Meanwhile the service answers 503 {@code
 * database_unavailable} — never a 500 — to pushes, pulls and sign-ins; afterwards it serves again
 * without being restarted itself, and everything it acknowledged is there.
 */
class DatabaseRestartTest {
  @TempDir Path dataDirectory;

  @Test
  void theServiceAnswers503DuringAnOutageAndRecoversWithoutLosingAcknowledgedRecords()
      throws Exception {
    int port = ServerProcess.freePort();
    EmbeddedPostgres.Builder postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port);
    AtomicReference<EmbeddedPostgres> running = new AtomicReference<>(postgres.start());
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(url);
    owner.setUser("postgres");
    StoredRecords store = new StoredRecords(owner);
    try (InProcessApp app = new InProcessApp(url, "postgres", "")) {
      ApiClient api = new ApiClient(app.baseUrl());
      Provisioning provisioning = new Provisioning(api, ServerProcess.ADMIN_TOKEN);
      Provisioning.Staff staff = provisioning.staff();
      List<SimulatedDevice> devices = new ArrayList<>();
      for (Provisioning.Device phone : provisioning.phones("pg", 4, 1)) {
        devices.add(new SimulatedDevice(api, phone, devices.size() + 10));
      }

      Map<String, Long> answers = new ConcurrentHashMap<>();
      List<Pending> unanswered = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong lastSuccess = new AtomicLong();
      List<Runnable> load = new ArrayList<>();
      for (SimulatedDevice device : devices) {
        load.add(
            () -> {
              // Like a phone: an unanswered batch stays in the outbox and is sent again, as it is.
              SimulatedDevice.Batch outbox = null;
              while (!stop.get()) {
                SimulatedDevice.Batch batch = outbox != null ? outbox : device.nextBatch(100, 0, 0);
                ApiClient.Reply reply = send(() -> device.pushOnce(batch), answers);
                if (reply != null && reply.status() == 200) {
                  store.acknowledge(batch, reply.json().get("results"));
                  lastSuccess.set(System.nanoTime());
                  outbox = null;
                } else {
                  outbox = batch;
                  ApiClient.sleep(200);
                }
              }
              if (outbox != null) {
                unanswered.add(new Pending(device, outbox));
              }
            });
      }
      SimulatedDevice puller = devices.get(0);
      load.add(
          () -> {
            while (!stop.get()) {
              send(
                  () -> api.get("/api/v1/sync/pull?limit=100", puller.identity().token()), answers);
              send(
                  () ->
                      api.post(
                          "/api/v1/sessions",
                          null,
                          Map.of("email", staff.email(), "password", staff.password())),
                  answers);
              ApiClient.sleep(100);
            }
          });
      load.add(
          () -> {
            try {
              ApiClient.sleep(3000);
              close(running.getAndSet(null));
              ApiClient.sleep(5000);
              assertThat(answers)
                  .as("answers during the outage")
                  .containsKey("503 database_unavailable");
              running.set(start(postgres));
              long restartedAt = System.nanoTime();
              for (int i = 0; i < 600 && lastSuccess.get() < restartedAt; i++) {
                ApiClient.sleep(100);
              }
              ApiClient.sleep(2000);
            } finally {
              stop.set(true);
            }
          });
      Workers.runAll("outage", load);
      System.out.println("answers while PostgreSQL stopped and started: " + answers);

      assertThat(lastSuccess.get())
          .as("pushes succeed again without restarting the service")
          .isPositive();
      assertThat(answers.keySet())
          .as("every answer during load")
          .allMatch(
              a ->
                  a.startsWith("200")
                      || a.startsWith("201")
                      || a.startsWith("retried after")
                      || a.equals("503 database_unavailable"));
      for (Pending pending : unanswered) {
        store.assertAllOrNothing(pending.batch());
        JsonNode results = pending.device().push(pending.batch(), new LoadStats());
        assertThat(results).isNotNull();
        store.acknowledge(pending.batch(), results);
      }
      store.assertExactlyOnce();
      assertThat(store.count("SELECT count(*) FROM drive_records"))
          .isEqualTo(store.acknowledgedCount());
    } finally {
      if (running.get() != null) {
        close(running.get());
      }
    }
  }

  private record Pending(SimulatedDevice device, SimulatedDevice.Batch batch) {}

  private interface Call {
    ApiClient.Reply send() throws IOException;
  }

  /**
   * One request; its status and error code are tallied; null if the connection failed. A pooled
   * keep-alive connection that the server closed after an early error answer fails on reuse; like
   * any HTTP client, the request is sent once more on a fresh connection before that counts.
   */
  private static ApiClient.Reply send(Call call, Map<String, Long> answers) {
    for (int attempt = 0; ; attempt++) {
      try {
        ApiClient.Reply reply = call.send();
        String code =
            reply.status() == 200 || reply.status() == 201
                ? ""
                : " " + reply.json().path("code").asText();
        answers.merge(reply.status() + code, 1L, Long::sum);
        return reply;
      } catch (IOException e) {
        if (attempt == 0) {
          answers.merge("retried after " + e.getClass().getSimpleName(), 1L, Long::sum);
          continue;
        }
        answers.merge("io " + e, 1L, Long::sum);
        return null;
      }
    }
  }

  private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void close(EmbeddedPostgres database) {
    try {
      database.close();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
