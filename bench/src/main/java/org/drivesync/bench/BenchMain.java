package org.drivesync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load generator's command: runs scenarios (a)–(d) of docs/performance.md against a running
 * drivesync and prints the figures, the targets, and the COPY baseline from the same database.
 */
public final class BenchMain {
  private static final double MB = 1024 * 1024;

  private final BenchOptions options;
  private final ApiClient api;
  private final Provisioning provisioning;
  private final Report report = new Report();
  private final ProcessCpu cpu;
  private HeapSampler heap;
  private long pushedRecords;

  private BenchMain(BenchOptions options) {
    this.options = options;
    this.api = new ApiClient(options.baseUrl);
    this.provisioning = new Provisioning(api, options.adminToken);
    this.cpu = new ProcessCpu(options.serverPid, options.postgresPid);
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().equals("help")) {
        System.err.println(e.getMessage());
      }
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    new BenchMain(options).run();
  }

  private void run() throws Exception {
    System.out.printf(
        "drivesync bench against %s, %d processors seen by the load generator%n",
        options.baseUrl, Runtime.getRuntime().availableProcessors());
    ApiClient.Reply regions = api.get("/api/v1/regions", null);
    if (regions.status() != 200) {
      throw new IllegalStateException(
          "the service does not answer GET /api/v1/regions: " + regions);
    }
    heap = options.adminUrl == null ? null : new HeapSampler(options.adminUrl, 250);
    try {
      if (options.scenarios.contains("a")) {
        bulkCatchUp();
      }
      if (options.scenarios.contains("c")) {
        freshDevicePull();
      }
      if (options.scenarios.contains("b") || options.scenarios.contains("d")) {
        manyPhonesWithMetrics();
      }
      heapFigures();
    } finally {
      if (heap != null) {
        heap.close();
      }
    }
    report.print(System.out);
  }

  /** (a): devices with full outboxes pushing 500-record batches back to back, then pulling. */
  private void bulkCatchUp() throws Exception {
    phase(
        "a",
        "bulk catch-up: %d devices x %d batches of %d",
        options.aDevices,
        options.aBatches,
        options.aBatch);
    List<SimulatedDevice> devices = devices(provisioning.phones("a", options.aDevices, 1), 1000);
    ProcessCpu.Window pushCpu = cpu.start();
    PushLoad.Result push =
        PushLoad.run(
            devices, PushLoad.Plan.batches(options.aBatch, options.aBatches, Duration.ZERO));
    String pushCost = pushCpu.per1000(push.stats().mutations());
    pushedRecords += push.stats().mutations();
    ProcessCpu.Window pullCpu = cpu.start();
    PushLoad.Result pull = PullLoad.run(devices);
    String shape = options.aDevices + " devices x " + options.aBatch;
    report.row(
        new Report.Row(
            "(a) bulk catch-up",
            shape,
            push.stats().mutations(),
            push.mutationsPerSecond(),
            push.stats().latency(),
            pull.pulledPerSecond(),
            push.stats().errorCount() + pull.stats().errorCount(),
            cost(pushCost, pullCpu.per1000(pull.stats().pulled())),
            outcomes(push.stats())));
    Double copyRate = null;
    if (options.jdbcUrl != null) {
      phase("a", "COPY baseline of the same rows");
      CopyBaseline.Result copy =
          CopyBaseline.measure(
              options.jdbcUrl,
              devices.stream().map(d -> d.identity().deviceId()).toList(),
              options.copyRepeats);
      copyRate = copy.median();
      report.row(
          new Report.Row(
              "COPY baseline",
              "same rows, scratch LIKE drive_records INCLUDING ALL",
              copy.rows(),
              copyRate,
              null,
              null,
              null,
              null,
              "median of "
                  + copy.rowsPerSecond().size()
                  + ": "
                  + copy.rowsPerSecond().stream().map(Report::rate).toList()));
      report.note(
          String.format(
              Locale.ROOT, "(a) ingest / COPY = %.3f", push.mutationsPerSecond() / copyRate));
    } else {
      report.note("COPY baseline skipped: no --jdbc-url");
    }
    report.target(
        "(a) ingest >= 20,000 records/s",
        Report.rate(push.mutationsPerSecond()),
        push.mutationsPerSecond() >= 20_000);
    report.target(
        "(a) ingest >= 0.25 x COPY",
        copyRate == null
            ? "no COPY"
            : String.format(Locale.ROOT, "%.3f", push.mutationsPerSecond() / copyRate),
        copyRate == null ? null : push.mutationsPerSecond() >= 0.25 * copyRate);
  }

  /** (c): a participant with a long history gets a new phone, which pulls all of it. */
  private void freshDevicePull() {
    phase(
        "c", "seeding %,d records for one participant through 8 of their phones", options.cRecords);
    List<Provisioning.Device> phones = provisioning.phones("c", 1, 8);
    List<SimulatedDevice> seeders = devices(phones, 2000);
    int batches = (int) Math.ceil(options.cRecords / 500.0 / phones.size());
    PushLoad.Plan plan = new PushLoad.Plan(500, batches, null, Duration.ZERO, 0, 0);
    ProcessCpu.Window seedCpu = cpu.start();
    PushLoad.Result seed = PushLoad.run(seeders, plan);
    pushedRecords += seed.stats().mutations();
    report.row(
        new Report.Row(
            "(c) seed",
            "8 phones of 1 participant x 500",
            seed.stats().mutations(),
            seed.mutationsPerSecond(),
            seed.stats().latency(),
            null,
            seed.stats().errorCount(),
            seedCpu.per1000(seed.stats().mutations()),
            "push only: the history (c) pulls"));

    phase("c", "a fresh phone pulls the whole feed");
    SimulatedDevice fresh =
        new SimulatedDevice(api, provisioning.anotherPhone(phones.get(0)), 3000);
    ProcessCpu.Window freshCpu = cpu.start();
    PushLoad.Result pull = PullLoad.run(List.of(fresh));
    report.row(
        new Report.Row(
            "(c) fresh device pull",
            "1 device, pages of " + PullLoad.PAGE,
            pull.stats().pulled(),
            null,
            null,
            pull.pulledPerSecond(),
            pull.stats().errorCount(),
            freshCpu.per1000(pull.stats().pulled()),
            String.format(Locale.ROOT, "%.1f s", pull.seconds())));
    report.target(
        "(c) pull >= 50,000 records/s",
        Report.rate(pull.pulledPerSecond()),
        pull.pulledPerSecond() >= 50_000);
  }

  /** (b), with (d)'s metrics queries alongside when the server has a metrics API. */
  private void manyPhonesWithMetrics() throws Exception {
    boolean runB = options.scenarios.contains("b");
    MetricsProbe probe = null;
    if (options.scenarios.contains("d")) {
      Provisioning.Staff staff = provisioning.staff();
      if (MetricsProbe.available(api, staff.token(), MetricsProbe.SUMMARY)) {
        topUp(options.dRecords);
        probe = new MetricsProbe(api, staff.token(), MetricsProbe.SUMMARY, options.dPeriodMs);
      } else {
        String skipped =
            "(d) skipped: GET "
                + MetricsProbe.SUMMARY
                + " answered 404 — this server has no metrics API yet";
        System.out.println(skipped);
        report.note(skipped);
        report.target("(d) metrics p95 <= 50 ms", "no metrics API", null);
      }
    }
    Duration interval = Duration.ofMillis(options.bIntervalMs);
    phase(
        "b",
        "many phones: %d devices x %s of %d, one batch per device every %d ms%s",
        options.bDevices,
        options.bDurationS > 0 ? options.bDurationS + " s" : options.bBatches + " batches",
        options.bBatch,
        options.bIntervalMs,
        probe == null ? "" : ", metrics queries alongside");
    List<SimulatedDevice> devices = devices(provisioning.phones("b", options.bDevices, 1), 4000);
    PushLoad.Plan plan = PushLoad.Plan.batches(options.bBatch, options.bBatches, interval);
    if (options.bDurationS > 0) {
      plan = plan.lasting(Duration.ofSeconds(options.bDurationS));
    }
    if (probe != null) {
      probe.start();
    }
    ProcessCpu.Window pushCpu = cpu.start();
    PushLoad.Result push = runB || probe != null ? PushLoad.run(devices, plan) : null;
    if (probe != null) {
      probe.close();
      LoadStats q = probe.stats();
      report.row(
          new Report.Row(
              "(d) metrics summary during (b)",
              "region x week, 1 client",
              q.count("ok"),
              q.count("ok") / push.seconds(),
              q.latency(),
              null,
              q.errorCount(),
              null,
              String.format(Locale.ROOT, "over %,d records", recordCount())));
      double p95 = q.latency().percentileMillis(95);
      report.target(
          "(d) metrics p95 <= 50 ms",
          String.format(Locale.ROOT, "%.1f ms", p95),
          q.latency().count() > 0 && p95 <= 50);
    }
    String pushCost = pushCpu.per1000(push.stats().mutations());
    pushedRecords += push.stats().mutations();
    ProcessCpu.Window pullCpu = cpu.start();
    PushLoad.Result pull = PullLoad.run(devices);
    report.row(
        new Report.Row(
            "(b) many phones",
            options.bDevices
                + " devices x "
                + options.bBatch
                + (options.bIntervalMs > 0
                    ? ", every " + options.bIntervalMs + " ms"
                    : ", back to back"),
            push.stats().mutations(),
            push.mutationsPerSecond(),
            push.stats().latency(),
            pull.pulledPerSecond(),
            push.stats().errorCount() + pull.stats().errorCount(),
            cost(pushCost, pullCpu.per1000(pull.stats().pulled())),
            outcomes(push.stats())));
    double p99 = push.stats().latency().percentileMillis(99);
    report.target(
        "(b) push p99 <= 250 ms, no errors",
        String.format(Locale.ROOT, "%.1f ms, %d errors", p99, push.stats().errorCount()),
        p99 <= 250 && push.stats().errorCount() == 0);
  }

  /** Pushes records through the API until the database holds {@code target}, for (d). */
  private void topUp(long target) throws Exception {
    long have = recordCount();
    if (have >= target) {
      return;
    }
    phase(
        "d", "topping the database up from %,d to %,d records through the push API", have, target);
    List<SimulatedDevice> devices = devices(provisioning.phones("d", 8, 1), 5000);
    int batches = (int) Math.ceil((target - have) / 500.0 / devices.size());
    ProcessCpu.Window seedCpu = cpu.start();
    PushLoad.Result seed =
        PushLoad.run(devices, new PushLoad.Plan(500, batches, null, Duration.ZERO, 0, 0));
    pushedRecords += seed.stats().mutations();
    report.row(
        new Report.Row(
            "(d) seed",
            "8 devices x 500",
            seed.stats().mutations(),
            seed.mutationsPerSecond(),
            seed.stats().latency(),
            null,
            seed.stats().errorCount(),
            seedCpu.per1000(seed.stats().mutations()),
            "push only: records for the metrics queries"));
  }

  /**
   * Records in the database: counted directly when a JDBC URL is given, else those this run pushed.
   */
  private long recordCount() throws Exception {
    return options.jdbcUrl != null ? CopyBaseline.recordCount(options.jdbcUrl) : pushedRecords;
  }

  private void heapFigures() {
    if (heap == null) {
      report.target("server heap <= 512 MB", "not sampled (--admin-url none)", null);
      return;
    }
    HeapSampler.Heap overall = heap.overall();
    if (overall.samples() == 0) {
      report.target("server heap <= 512 MB", "admin /metrics did not answer", null);
      return;
    }
    StringBuilder perScenario = new StringBuilder();
    for (Map.Entry<String, Long> e : heap.maxUsedByScenario().entrySet()) {
      perScenario.append(String.format(Locale.ROOT, "%s %.0f MB; ", e.getKey(), e.getValue() / MB));
    }
    report.note(
        String.format(
            Locale.ROOT,
            "server heap: highest in use %.0f MB of a %.0f MB maximum (%d samples, every 250 ms); by phase: %s",
            overall.maxUsed() / MB,
            overall.max() / MB,
            overall.samples(),
            perScenario));
    report.target(
        "server heap <= 512 MB",
        String.format(
            Locale.ROOT,
            "max %.0f MB used, -Xmx %.0f MB",
            overall.maxUsed() / MB,
            overall.max() / MB),
        overall.maxUsed() <= 512 * MB);
  }

  private List<SimulatedDevice> devices(List<Provisioning.Device> phones, long seedBase) {
    List<SimulatedDevice> devices = new ArrayList<>();
    for (int i = 0; i < phones.size(); i++) {
      SimulatedDevice device =
          new SimulatedDevice(api, phones.get(i), options.seed * 100_000 + seedBase + i);
      device.resultRecords(options.resultRecords);
      devices.add(device);
    }
    return devices;
  }

  /** Push and pull CPU per 1,000 records, in one cell. */
  private static String cost(String push, String pull) {
    return push.isEmpty() ? "" : "push " + push + "; pull " + pull;
  }

  private static String outcomes(LoadStats stats) {
    String errors =
        stats.errors().isEmpty()
            ? ""
            : " errors "
                + stats.errors()
                + (stats.firstError() == null ? "" : " first: " + stats.firstError());
    return stats.outcomes() + errors;
  }

  private void phase(String scenario, String format, Object... args) {
    if (heap != null) {
      heap.scenario(scenario);
    }
    System.out.printf("[%s] %s%n", scenario, String.format(Locale.ROOT, format, args));
  }
}
