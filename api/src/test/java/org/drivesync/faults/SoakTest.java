package org.drivesync.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drivesync.bench.ApiClient;
import org.drivesync.bench.HeapSampler;
import org.drivesync.bench.MetricsProbe;
import org.drivesync.bench.Provisioning;
import org.drivesync.bench.PushLoad;
import org.drivesync.bench.SimulatedDevice;
import org.drivesync.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fault 6, the soak: scenario (b) — fifty phones, a 100-record batch each every second — for ten
 * minutes against the service in its own JVM with a 512 MB heap, with a metrics CSV export every
 * five seconds alongside (skipped while the service has no metrics API). Afterwards the database
 * connections drain, the heap after a full GC is where it was after warm-up, and sign-in works.
 *
 * <p>Long, so off by default: {@code mvn -pl api test -Psoak} (or {@code -Ddrivesync.soak=true
 * -Dtest=SoakTest}); {@code -Ddrivesync.soak.minutes=N} changes the length.
 */
@EnabledIfSystemProperty(named = "drivesync.soak", matches = "true")
class SoakTest {
  private static final double MB = 1024 * 1024;

  @Test
  void tenMinutesOfManyPhonesLeaveNoLeaks() throws Exception {
    int minutes = Integer.getInteger("drivesync.soak.minutes", 10);
    TestDatabase database = TestDatabase.create("soak");
    StoredRecords store = new StoredRecords(database.ownerDataSource());
    List<String> summary = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start("soak", database, "-Xmx512m");
        HeapSampler heap = new HeapSampler(server.adminUrl(), 1000)) {
      ApiClient api = new ApiClient(server.baseUrl());
      ApiClient admin = new ApiClient(server.adminUrl());
      Provisioning provisioning = new Provisioning(api, ServerProcess.ADMIN_TOKEN);
      Provisioning.Staff staff = provisioning.staff();
      List<SimulatedDevice> devices = new ArrayList<>();
      for (Provisioning.Device phone : provisioning.phones("soak", 50, 1)) {
        devices.add(new SimulatedDevice(api, phone, 7000 + devices.size()));
      }
      boolean export = MetricsProbe.available(api, staff.token(), MetricsProbe.EXPORT);
      summary.add(
          export
              ? "metrics CSV export every 5 s alongside"
              : "metrics CSV export skipped: GET "
                  + MetricsProbe.EXPORT
                  + " answered 404 (no metrics API yet)");

      PushLoad.Plan warmUp = PushLoad.Plan.batches(100, 20, Duration.ofSeconds(1));
      PushLoad.Result first = PushLoad.run(devices, warmUp);
      long heapAfterWarmUp = heapAfterGc(admin, heap);

      PushLoad.Result soak;
      try (MetricsProbe probe =
          export ? new MetricsProbe(api, staff.token(), MetricsProbe.EXPORT, 5000).start() : null) {
        soak = PushLoad.run(devices, warmUp.lasting(Duration.ofMinutes(minutes)));
        if (probe != null) {
          summary.add(
              "exports: " + probe.stats().count("ok") + " ok, errors " + probe.stats().errors());
          assertThat(probe.stats().errorCount()).isZero();
        }
      }
      long heapAfterSoak = heapAfterGc(admin, heap);
      long busy = -1;
      for (int i = 0; i < 300 && busy != 0; i++) {
        busy =
            store.count(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'drivesync'"
                    + " AND datname = current_database() AND state <> 'idle'");
        ApiClient.sleep(100);
      }
      long open =
          store.count(
              "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'drivesync'"
                  + " AND datname = current_database()");
      String token = provisioning.signIn(staff.email(), staff.password());

      summary.add(
          String.format(
              Locale.ROOT,
              "warm-up: %,d records in %.0f s; soak: %,d records in %.0f s (%,.0f/s), push p50 %.0f ms,"
                  + " p95 %.0f ms, p99 %.0f ms, max %.0f ms; errors %d %s",
              first.stats().mutations(),
              first.seconds(),
              soak.stats().mutations(),
              soak.seconds(),
              soak.mutationsPerSecond(),
              soak.stats().latency().percentileMillis(50),
              soak.stats().latency().percentileMillis(95),
              soak.stats().latency().percentileMillis(99),
              soak.stats().latency().maxMillis(),
              soak.stats().errorCount(),
              soak.stats().errors()));
      summary.add(
          String.format(
              Locale.ROOT,
              "heap after full GC: %.0f MB after warm-up, %.0f MB after the soak; highest in use %.0f MB of %.0f MB",
              heapAfterWarmUp / MB,
              heapAfterSoak / MB,
              heap.overall().maxUsed() / MB,
              heap.overall().max() / MB));
      summary.add("database connections afterwards: " + open + " open, " + busy + " not idle");
      summary.add("sign-in afterwards: " + (token.isEmpty() ? "failed" : "ok"));
      write(summary);

      assertThat(first.stats().errorCount() + soak.stats().errorCount()).isZero();
      assertThat(busy).as("connections not idle after the load").isZero();
      assertThat(open).as("connections open after the load").isLessThanOrEqualTo(16);
      assertThat(heapAfterSoak - heapAfterWarmUp)
          .as("heap growth over the soak, bytes")
          .isLessThan((long) (64 * MB));
      assertThat(heap.overall().maxUsed()).isLessThanOrEqualTo((long) (512 * MB));
    } finally {
      database.drop();
    }
  }

  /** Heap in use just after Dropwizard's admin task ran a full GC (twice, to settle). */
  private static long heapAfterGc(ApiClient admin, HeapSampler heap) throws IOException {
    for (int i = 0; i < 2; i++) {
      ApiClient.Reply gc = admin.post("/tasks/gc", null, new byte[0]);
      assertThat(gc.status()).as(gc.toString()).isEqualTo(200);
    }
    return heap.usedNow();
  }

  private static void write(List<String> summary) throws IOException {
    summary.forEach(System.out::println);
    Path file = Path.of("target", "faults", "soak-summary.md");
    Files.createDirectories(file.getParent());
    Files.write(file, summary);
  }
}
