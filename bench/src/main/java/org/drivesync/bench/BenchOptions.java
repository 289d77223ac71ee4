package org.drivesync.bench;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options: {@code --name value} pairs, every one with a default (see {@link #USAGE}).
 */
public final class BenchOptions {
  public static final String USAGE =
      """
      usage: java -jar bench/target/drivesync-bench-cli.jar [options]
        --base-url URL       the service (default http://localhost:8080)
        --admin-url URL      its admin port, for heap samples; 'none' to skip (default http://localhost:8081)
        --admin-token T      an admin's bearer token (default: $DRIVESYNC_BOOTSTRAP_TOKEN)
        --jdbc-url URL       direct JDBC URL of the service's database, as a role that may create
                             tables, for the COPY baseline and record counts; COPY is skipped without it
        --scenarios LIST     any of a,b,c,d (default a,b,c,d)
        --a-devices N --a-batch N --a-batches N        (a) bulk catch-up (default 8, 500, 50)
        --b-devices N --b-batch N --b-batches N        (b) many phones (default 50, 100, 20)
        --b-interval-ms N    (b) one batch per device every N ms; 0 = back to back (default 1000)
        --b-duration-s N     (b) run for N seconds instead of a number of batches (default 0: off)
        --c-records N        (c) records in the feed a fresh device pulls (default 200000)
        --d-records N        (d) records in the database before the metrics queries (default 1000000)
        --d-period-ms N      (d) pause between metrics queries (default 100)
        --copy-repeats N     COPY baseline repeats, the median is reported (default 3)
        --seed N             random seed of the record generator (default 1)
        --result-records F   devices push with "resultRecords": F ("all" or "changed"); default:
                             not sent, so every result carries its record (docs/sync-protocol.md)
        --server-pid N --postgres-pid N   on the same Linux machine: report the CPU time the
                             service's JVM and its PostgreSQL spend per 1,000 records (from /proc)
        --quick              small counts, to check the harness end to end in a minute
      """;

  private static final Set<String> KNOWN =
      Set.of(
          "base-url",
          "admin-url",
          "admin-token",
          "jdbc-url",
          "scenarios",
          "a-devices",
          "a-batch",
          "a-batches",
          "b-devices",
          "b-batch",
          "b-batches",
          "b-interval-ms",
          "b-duration-s",
          "c-records",
          "d-records",
          "d-period-ms",
          "copy-repeats",
          "seed",
          "result-records",
          "quick",
          "help",
          "server-pid",
          "postgres-pid");

  public final String baseUrl;
  public final String adminUrl;
  public final String adminToken;
  public final String jdbcUrl;
  public final Set<String> scenarios;
  public final int aDevices;
  public final int aBatch;
  public final int aBatches;
  public final int bDevices;
  public final int bBatch;
  public final int bBatches;
  public final int bIntervalMs;
  public final int bDurationS;
  public final int cRecords;
  public final int dRecords;
  public final int dPeriodMs;
  public final int copyRepeats;
  public final long seed;
  public final String resultRecords;
  public final long serverPid;
  public final long postgresPid;

  private BenchOptions(Map<String, String> o) {
    boolean quick = o.containsKey("quick");
    baseUrl = o.getOrDefault("base-url", "http://localhost:8080");
    String admin = o.getOrDefault("admin-url", "http://localhost:8081");
    adminUrl = admin.equals("none") ? null : admin;
    adminToken = o.getOrDefault("admin-token", System.getenv("DRIVESYNC_BOOTSTRAP_TOKEN"));
    jdbcUrl = o.get("jdbc-url");
    scenarios = new LinkedHashSet<>(List.of(o.getOrDefault("scenarios", "a,b,c,d").split(",")));
    aDevices = number(o, "a-devices", 8);
    aBatch = number(o, "a-batch", 500);
    aBatches = number(o, "a-batches", quick ? 5 : 50);
    bDevices = number(o, "b-devices", 50);
    bBatch = number(o, "b-batch", 100);
    bBatches = number(o, "b-batches", quick ? 5 : 20);
    bIntervalMs = number(o, "b-interval-ms", 1000);
    bDurationS = number(o, "b-duration-s", 0);
    cRecords = number(o, "c-records", quick ? 20_000 : 200_000);
    dRecords = number(o, "d-records", quick ? 60_000 : 1_000_000);
    dPeriodMs = number(o, "d-period-ms", 100);
    copyRepeats = number(o, "copy-repeats", 3);
    seed = number(o, "seed", 1);
    resultRecords = o.get("result-records");
    serverPid = number(o, "server-pid", 0);
    postgresPid = number(o, "postgres-pid", 0);
    if (adminToken == null || adminToken.isBlank()) {
      throw new IllegalArgumentException(
          "an admin token is needed: --admin-token or DRIVESYNC_BOOTSTRAP_TOKEN");
    }
    for (String s : scenarios) {
      if (!Set.of("a", "b", "c", "d").contains(s)) {
        throw new IllegalArgumentException("unknown scenario '" + s + "'");
      }
    }
  }

  public static BenchOptions parse(String... args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
      String name = args[i].substring(2);
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      boolean flag = name.equals("quick") || name.equals("help");
      if (!flag && i + 1 >= args.length) {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      options.put(name, flag ? "true" : args[++i]);
    }
    if (options.containsKey("help")) {
      throw new IllegalArgumentException("help");
    }
    return new BenchOptions(options);
  }

  private static int number(Map<String, String> options, String name, int fallback) {
    String value = options.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number");
    }
  }
}
