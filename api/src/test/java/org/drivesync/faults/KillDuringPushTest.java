package org.drivesync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drivesync.bench.ApiClient;
import org.drivesync.bench.LoadStats;
import org.drivesync.bench.Provisioning;
import org.drivesync.bench.SimulatedDevice;
import org.drivesync.bench.Workers;
import org.drivesync.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fault 1: the service process is killed with SIGKILL while devices push 500-record batches.
 * Whatever a device was told survives exactly as told; a push whose answer was lost changed all or
 * nothing; after a restart, the devices' retries apply the rest exactly once.
 */
class KillDuringPushTest {
  private static final int ROUNDS = 2;

  private final TestDatabase database = TestDatabase.create("kill");

  @AfterEach
  void dropDatabase() {
    database.drop();
  }

  @Test
  void acknowledgedRecordsSurviveAKillAndRetriesApplyTheRestExactlyOnce() {
    StoredRecords store = new StoredRecords(database.ownerDataSource());
    try (ServerProcess server = ServerProcess.start("kill-during-push", database)) {
      ApiClient api = new ApiClient(server.baseUrl());
      List<SimulatedDevice> devices = new ArrayList<>();
      long seed = 1;
      for (Provisioning.Device phone :
          new Provisioning(api, ServerProcess.ADMIN_TOKEN).phones("kill", 4, 1)) {
        devices.add(new SimulatedDevice(api, phone, seed++));
      }
      for (int round = 0; round < ROUNDS; round++) {
        List<Pending> unanswered = pushUntilKilled(server, devices, store);
        store.awaitNoServiceConnections();
        unanswered.forEach(p -> store.assertAllOrNothing(p.batch()));

        server.restart();
        LoadStats stats = new LoadStats();
        for (Pending pending : unanswered) {
          JsonNode results = pending.device().push(pending.batch(), stats);
          assertThat(results).as("retry after restart: " + stats.firstError()).isNotNull();
          for (JsonNode result : results) {
            assertThat(result.path("status").asText()).isIn("applied", "merged");
          }
          store.acknowledge(pending.batch(), results);
        }
      }
      assertThat(store.acknowledgedCount()).isGreaterThan(1000);
      store.assertExactlyOnce();
      assertThat(store.count("SELECT count(*) FROM drive_records"))
          .isEqualTo(store.acknowledgedCount());
    }
  }

  private record Pending(SimulatedDevice device, SimulatedDevice.Batch batch) {}

  /** Devices push back to back until the server is killed while a push holds its locks. */
  private List<Pending> pushUntilKilled(
      ServerProcess server, List<SimulatedDevice> devices, StoredRecords store) {
    List<Pending> unanswered = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean killed = new AtomicBoolean();
    List<Runnable> tasks = new ArrayList<>();
    for (SimulatedDevice device : devices) {
      tasks.add(
          () -> {
            while (!killed.get()) {
              SimulatedDevice.Batch batch = device.nextBatch(500, 0, 0);
              try {
                ApiClient.Reply reply = device.pushOnce(batch);
                if (reply.status() == 200) {
                  store.acknowledge(batch, reply.json().get("results"));
                  continue;
                }
              } catch (IOException e) {
                // The connection died with the server: the answer is lost.
              }
              unanswered.add(new Pending(device, batch));
              return;
            }
          });
    }
    tasks.add(
        () -> {
          // Let a few pushes complete, then kill as soon as one is inside its transaction.
          ApiClient.sleep(1500 + (long) (Math.random() * 1500));
          for (int i = 0;
              i < 2000
                  && store.count(
                          "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
                              + " WHERE l.locktype = 'advisory' AND a.datname = current_database()")
                      == 0;
              i++) {
            ApiClient.sleep(5);
          }
          server.kill9();
          killed.set(true);
        });
    Workers.runAll("kill", tasks);
    return unanswered;
  }
}
