package org.drivesync.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.core.metrics.Dimension;
import org.drivesync.core.metrics.MetricsAggregator;
import org.drivesync.core.metrics.MetricsService;
import org.drivesync.core.metrics.SummaryRequest;
import org.drivesync.db.Jdbis;
import org.drivesync.db.SummaryQuery;
import org.drivesync.records.AgeBand;
import org.drivesync.records.Outcome;
import org.drivesync.records.RecordFields;
import org.drivesync.records.StoredRecord;
import org.drivesync.testing.TestDatabase;
import org.drivesync.testing.TestKeys;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The metrics benchmark of docs/metrics.md: seeds N records (default 1,000,000) straight into a
 * throwaway database with generate_series, builds the aggregates with metrics_rebuild(), then times
 * region-by-week summaries through MetricsService and the aggregate upkeep of 500-record pushes.
 * Not a test (its name keeps Surefire from running it by default); run it with
 *
 * <pre>
 * mvn -B -ntp -pl api -am test -Dtest=MetricsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbench.records=1000000] [-Dbench.queries=200]
 * </pre>
 */
class MetricsBenchmark {
  private static final int RECORDS = Integer.getInteger("bench.records", 1_000_000);
  private static final int QUERIES = Integer.getInteger("bench.queries", 200);

  @Test
  void regionByWeekSummaryOverSeededRecords() {
    TestDatabase database = TestDatabase.create("bench").migrate();
    try {
      // Pooled, as the service's connections are: a new connection per query would be most of
      // what is measured.
      org.apache.tomcat.jdbc.pool.DataSource pool = new org.apache.tomcat.jdbc.pool.DataSource();
      pool.setDriverClassName("org.postgresql.Driver");
      pool.setUrl(database.jdbcUrl());
      pool.setUsername(database.ownerUser());
      if (!database.ownerPassword().isEmpty()) {
        pool.setPassword(database.ownerPassword());
      }
      pool.setMaxActive(4);
      pool.setInitialSize(2);
      POOLS.add(pool);
      Jdbi jdbi = Jdbis.configure(Jdbi.create(pool));
      long seeded = time(() -> seed(jdbi));
      long rebuilt =
          time(
              () ->
                  jdbi.useHandle(
                      h -> {
                        h.execute("SELECT metrics_rebuild()");
                        h.execute("VACUUM ANALYZE");
                      }));
      Map<String, Long> sizes =
          jdbi.withHandle(
              h -> {
                Map<String, Long> rows = new HashMap<>();
                for (String table :
                    List.of(
                        "drive_records",
                        "metrics_facts",
                        "metrics_drive_days",
                        "metrics_region_days")) {
                  rows.put(
                      table,
                      h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
                }
                return rows;
              });
      System.out.printf(
          "%nseeded %,d records in %.1f s; aggregates rebuilt in %.1f s; rows %s%n",
          RECORDS, seeded / 1e3, rebuilt / 1e3, sizes);

      MetricsService metrics = new MetricsService(jdbi, TestKeys.auditLog());
      Caller staff = new Caller(UUID.randomUUID(), Role.STAFF, Set.of(), null, null);
      Caller organiser =
          new Caller(
              UUID.randomUUID(), Role.ORGANISER, Set.of("E12000004", "E12000005"), null, null);
      LocalDate to = LocalDate.of(2026, 12, 31);
      LocalDate from = to.minusDays(364);
      SummaryRequest year =
          new SummaryRequest(from, to, null, null, null, List.of(Dimension.REGION, Dimension.WEEK));
      SummaryRequest quarter =
          new SummaryRequest(
              to.minusWeeks(12),
              to,
              "E12000004",
              null,
              null,
              List.of(Dimension.REGION, Dimension.WEEK));
      report("staff, 5 regions x 52 weeks", times(() -> metrics.summary(staff, year)));
      // The same statement's execution time inside PostgreSQL: what the aggregates cost, without
      // the JVM, the driver and the machine's other tenants between the two.
      SummaryQuery statement =
          new SummaryQuery(
                  "metrics_region_days", List.of(Dimension.REGION.key(), Dimension.WEEK.key()))
              .days(from, to);
      double[] server = new double[QUERIES];
      jdbi.useHandle(
          h -> {
            for (int i = 0; i < QUERIES; i++) {
              server[i] = statement.explainMillis(h, MetricsService.MAX_ROWS + 1);
            }
          });
      report(
          "  (its execution time inside PostgreSQL)",
          Arrays.stream(server).mapToLong(ms -> (long) (ms * 1e6)).toArray());
      report("organiser, 2 regions x 52 weeks", times(() -> metrics.summary(organiser, year)));
      report("organiser, 1 region x 12 weeks", times(() -> metrics.summary(organiser, quarter)));
      report(
          "staff, council x month (drive-day table)",
          times(
              () ->
                  metrics.summary(
                      staff,
                      new SummaryRequest(
                          from,
                          to,
                          null,
                          null,
                          null,
                          List.of(Dimension.LOCAL_AUTHORITY, Dimension.MONTH)))));
      // Person-level dimensions read the finest table: slower, and not the target; fewer runs.
      report(
          "staff, 1 region, age band x outcome (fact table)",
          times(
              () ->
                  metrics.summary(
                      staff,
                      new SummaryRequest(
                          from,
                          to,
                          "E12000001",
                          null,
                          null,
                          List.of(Dimension.AGE_BAND, Dimension.OUTCOME))),
              20));
      pushUpkeep(jdbi);
    } finally {
      closePools();
      database.drop();
    }
  }

  private static final List<org.apache.tomcat.jdbc.pool.DataSource> POOLS = new ArrayList<>();

  private static void closePools() {
    POOLS.forEach(p -> p.close(true));
  }

  /** The aggregate upkeep of one 500-record push, rolled back each time. */
  private static void pushUpkeep(Jdbi jdbi) {
    List<Map<String, Object>> drives =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id, region_code, local_authority_code FROM drives LIMIT 200")
                    .mapToMap()
                    .list());
    List<UUID> people =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id FROM users WHERE role = 'participant' LIMIT 500")
                    .mapTo(UUID.class)
                    .list());
    MetricsAggregator aggregator = new MetricsAggregator();
    java.util.Random random = new java.util.Random(7);
    long[] nanos = new long[50];
    for (int run = 0; run < nanos.length; run++) {
      List<StoredRecord> batch = new ArrayList<>();
      UUID person = people.get(random.nextInt(people.size()));
      for (int i = 0; i < 500; i++) {
        Map<String, Object> drive = drives.get(random.nextInt(drives.size()));
        RecordFields fields =
            new RecordFields(
                (UUID) drive.get("id"),
                Instant.parse("2026-06-01T10:00:00Z").plusSeconds(random.nextInt(86_400 * 30)),
                Outcome.values()[random.nextInt(6)],
                null,
                AgeBand.values()[random.nextInt(6)],
                null,
                null);
        batch.add(
            new StoredRecord(
                UUID.randomUUID(),
                (UUID) drive.get("id"),
                (String) drive.get("region_code"),
                (String) drive.get("local_authority_code"),
                person,
                null,
                1,
                fields,
                false,
                Set.of(),
                Instant.now(),
                Instant.now()));
      }
      int index = run;
      jdbi.useHandle(
          h -> {
            h.begin();
            long start = System.nanoTime();
            aggregator.addNew(h, batch);
            nanos[index] = System.nanoTime() - start;
            h.rollback();
          });
    }
    report("aggregate upkeep of a 500-record push", nanos);
  }

  private static void seed(Jdbi jdbi) {
    jdbi.useHandle(
        h -> {
          h.execute("INSERT INTO users (name, role) VALUES ('Bench creator', 'admin')");
          h.execute(
              """
          INSERT INTO users (name, role, cohort)
          SELECT 'Bench volunteer ' || g, 'participant', 'bench' FROM generate_series(1, 3000) g""");
          h.execute(
              """
          INSERT INTO drives (name, local_authority_code, region_code, venue_type, starts_on, ends_on,
                              created_by)
          SELECT 'Bench drive ' || g, la.code, la.region_code, 'community_centre', DATE '2026-01-01',
                 DATE '2026-12-31', (SELECT id FROM users WHERE role = 'admin' LIMIT 1)
          FROM generate_series(1, 2000) g
          JOIN (SELECT code, region_code, row_number() OVER (ORDER BY code) - 1 AS n
                FROM local_authorities) la ON la.n = g % 127""");
          h.execute(
              """
          CREATE TEMP TABLE bench_drives AS
          SELECT id, region_code, local_authority_code, row_number() OVER (ORDER BY id) - 1 AS n
          FROM drives""");
          h.execute(
              """
          CREATE TEMP TABLE bench_people AS
          SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE role = 'participant'""");
          // Independent random fields (seeded, so runs repeat): each drive has a team of three
          // volunteers and runs for 20 days somewhere in the year, as real ones do.
          h.execute("SELECT setseed(0.42)");
          h.createUpdate(
                  """
          INSERT INTO drive_records (id, drive_id, region_code, local_authority_code, recorded_by,
                                     version, recorded_at, outcome, guidance, age_band,
                                     first_time_registrant, language)
          SELECT gen_random_uuid(), d.id, d.region_code, d.local_authority_code, p.id, 1,
                 TIMESTAMPTZ '2026-01-01 09:00+00' + (d.n % 345 + x.day) * INTERVAL '1 day'
                   + x.minute * INTERVAL '1 minute',
                 (ARRAY['registered_on_site', 'registered_on_site', 'pledged', 'pledged',
                        'already_registered', 'not_eligible', 'declined', 'follow_up'])[1 + x.outcome],
                 CASE WHEN x.basis IS NULL THEN NULL
                      ELSE jsonb_build_object('rulesetVersion', 'EA22-2024-05-07',
                             'basis', (ARRAY['british', 'qualifying_commonwealth', 'irish',
                                             'eu_retained_rights', 'none'])[1 + x.basis],
                             'registration', 'no',
                             'elections', CASE WHEN x.basis = 4 THEN '[]'::jsonb
                                               ELSE '["local_england", "uk_parliament"]'::jsonb END,
                             'signposts', '[]'::jsonb) END,
                 (ARRAY['16-17', '18-24', '25-34', '35-49', '50-64', '65+'])[1 + x.age],
                 CASE x.first WHEN 0 THEN true WHEN 1 THEN false END,
                 (ARRAY['ur', 'pa', 'bn', 'pl', 'ro', 'so', 'ar', 'gu'])[1 + x.language]
          FROM (SELECT floor(random() * 2000)::int AS drive, floor(random() * 3)::int AS member,
                       floor(random() * 20)::int AS day, floor(random() * 480)::int AS minute,
                       floor(random() * 8)::int AS outcome,
                       CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 5)::int END AS basis,
                       floor(random() * 6)::int AS age, floor(random() * 3)::int AS first,
                       floor(random() * 8)::int AS language
                FROM generate_series(1, :records)) x
          JOIN bench_drives d ON d.n = x.drive
          JOIN bench_people p ON p.n = (x.drive * 3 + x.member) % 3000""")
              .bind("records", RECORDS)
              .execute();
        });
  }

  private static long[] times(Runnable query) {
    return times(query, QUERIES);
  }

  private static long[] times(Runnable query, int count) {
    for (int i = 0; i < Math.min(20, count); i++) {
      query.run();
    }
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      query.run();
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-50s n=%d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
        what,
        sorted.length,
        at(sorted, 0.50),
        at(sorted, 0.95),
        at(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
  }

  private static long time(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
