package org.drivesync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drivesync.bench.ApiClient;
import org.drivesync.bench.LoadStats;
import org.drivesync.bench.Provisioning;
import org.drivesync.bench.SimulatedDevice;
import org.drivesync.bench.Workers;
import org.drivesync.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Fault 4: two service instances on one database, as behind a load balancer. A participant's phones
 * push new records, edits and deletions through either instance, while their other phones pull
 * through either; in the end every puller holds every acknowledged change exactly once, in its
 * final state, and no page ever handed a puller the same version of a record twice.
 */
class TwoInstancesTest {
  @Test
  void everyPullerEndsWithEveryAcknowledgedChangeExactlyOnce() {
    TestDatabase database = TestDatabase.create("two_instances");
    try (InProcessApp first =
            new InProcessApp(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
        InProcessApp second =
            new InProcessApp(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
      List<ApiClient> instances =
          List.of(new ApiClient(first.baseUrl()), new ApiClient(second.baseUrl()));
      Provisioning provisioning = new Provisioning(instances.get(0), ServerProcess.ADMIN_TOKEN);
      Provisioning.Device original = provisioning.phones("lb", 1, 1).get(0);
      List<SimulatedDevice> pushers = new ArrayList<>();
      List<Puller> pullers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        pushers.add(
            new SimulatedDevice(
                instances.get(i % 2),
                i == 0 ? original : provisioning.anotherPhone(original),
                100 + i));
      }
      for (int i = 0; i < 2; i++) {
        pullers.add(
            new Puller(
                new SimulatedDevice(
                    instances.get(i), provisioning.anotherPhone(original), 200 + i)));
      }

      Map<UUID, Long> acknowledged = new ConcurrentHashMap<>(); // record id -> version, -1 deleted
      AtomicBoolean pushing = new AtomicBoolean(true);
      List<Runnable> tasks = new ArrayList<>();
      for (SimulatedDevice pusher : pushers) {
        tasks.add(
            () -> {
              LoadStats stats = new LoadStats();
              for (int batch = 0; batch < 12; batch++) {
                pusher.use(instances.get(batch % 2));
                SimulatedDevice.Batch next = pusher.nextBatch(50, 20, 5);
                JsonNode results = pusher.push(next, stats);
                assertThat(results).as(String.valueOf(stats.firstError())).isNotNull();
                for (int i = 0; i < results.size(); i++) {
                  JsonNode r = results.get(i);
                  assertThat(r.get("status").asText()).isIn("applied", "merged", "conflict");
                  acknowledged.merge(
                      next.mutations().get(i).id(),
                      r.get("record").get("deleted").asBoolean()
                          ? -r.get("version").asLong()
                          : r.get("version").asLong(),
                      (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
                }
              }
            });
      }
      Runnable stopPushing = () -> pushing.set(false);
      for (Puller puller : pullers) {
        tasks.add(
            () -> {
              int round = 0;
              while (pushing.get()) {
                puller.device.use(instances.get(round++ % 2));
                puller.pull();
              }
            });
      }
      List<Runnable> pushersOnly = new ArrayList<>(tasks.subList(0, pushers.size()));
      List<Runnable> pullersOnly = tasks.subList(pushers.size(), tasks.size());
      List<Runnable> all = new ArrayList<>(pullersOnly);
      all.add(
          () -> {
            try {
              Workers.runAll("push", pushersOnly);
            } finally {
              stopPushing.run();
            }
          });
      Workers.runAll("lb", all);

      assertThat(acknowledged).hasSizeGreaterThan(1000);
      for (Puller puller : pullers) {
        puller.device.use(instances.get(1));
        puller.pull();
        Map<UUID, Long> expected = new HashMap<>(acknowledged);
        assertThat(puller.state).isEqualTo(expected);
        assertThat(puller.duplicates).as("versions handed out twice").isEmpty();
      }
    } finally {
      database.drop();
    }
  }

  /**
   * A phone that keeps its participant's records as the feed tells it: version, or -version if
   * deleted.
   */
  private static final class Puller {
    final SimulatedDevice device;
    final Map<UUID, Long> state = new HashMap<>();
    final Set<String> seen = new HashSet<>();
    final List<String> duplicates = new ArrayList<>();

    Puller(SimulatedDevice device) {
      this.device = device;
    }

    void pull() {
      device.pullAll(
          200,
          new LoadStats(),
          change -> {
            if (!change.get("entity").asText().equals("drive_record")) {
              return;
            }
            UUID id = UUID.fromString(change.get("id").asText());
            long version = change.get("version").asLong();
            if (!seen.add(id + "@" + version)) {
              duplicates.add(id + "@" + version);
            }
            state.put(id, change.get("op").asText().equals("delete") ? -version : version);
          });
    }
  }
}
