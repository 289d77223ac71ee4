package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.db.Jdbis;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pull feed's central promise under real concurrency: writers commit out of the order in which
 * they obtained their transaction ids (some deliberately hold their commit), pullers page through
 * the feed the whole time, and at the end every puller holds exactly the final state of every
 * record. A feed ordered by a sequence or by now() fails this test.
 */
class FeedNeverSkipsTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final int RECORDS = 60;
  private static final int WRITERS = 6;
  private static final int WRITES_PER_WRITER = 60;
  private static final int PULLERS = 3;

  @Test
  void everyCommittedChangeReachesEveryPullerInItsFinalState() throws Exception {
    UUID participant = UUID.randomUUID();
    List<UUID> records = seed(participant);
    Jdbi app = Jdbis.over(db.appDataSource());
    SyncPullService pull = new SyncPullService(app, () -> RulesetCatalog.loadBundled().earliest());
    Caller caller = new Caller(participant, Role.PARTICIPANT, Set.of(), null, new byte[32]);

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + PULLERS);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int seed = w;
      writers.add(pool.submit(() -> write(records, new Random(seed), seed)));
    }
    List<Future<Map<UUID, Integer>>> pullers = new ArrayList<>();
    for (int p = 0; p < PULLERS; p++) {
      pullers.add(pool.submit(() -> follow(pull, caller, writing)));
    }
    for (Future<?> writer : writers) {
      writer.get(120, TimeUnit.SECONDS);
    }
    writing.set(false);
    Map<UUID, Integer> truth = finalVersions();
    for (Future<Map<UUID, Integer>> puller : pullers) {
      assertThat(puller.get(120, TimeUnit.SECONDS)).isEqualTo(truth);
    }
    pool.shutdownNow();
    assertThat(truth.values().stream().mapToInt(Integer::intValue).sum())
        .as("every write committed")
        .isEqualTo(RECORDS + WRITERS * WRITES_PER_WRITER);
  }

  @Test
  void aChangeCommittedAfterALaterTransactionsChangeIsStillDelivered() throws Exception {
    UUID participant = UUID.randomUUID();
    List<UUID> records = seed(participant);
    Jdbi app = Jdbis.over(db.appDataSource());
    SyncPullService pull = new SyncPullService(app, () -> RulesetCatalog.loadBundled().earliest());
    Caller caller = new Caller(participant, Role.PARTICIPANT, Set.of(), null, new byte[32]);
    String cursor = drain(pull, caller, null);

    try (Connection slow = db.appDataSource().getConnection();
        Connection fast = db.appDataSource().getConnection()) {
      slow.setAutoCommit(false);
      fast.setAutoCommit(false);
      touch(slow, records.get(0)); // takes the lower transaction id, commits last
      touch(fast, records.get(1));
      fast.commit();
      Map<UUID, Integer> seen = new HashMap<>();
      cursor = collect(pull, caller, cursor, seen);
      slow.commit();
      awaitHorizon();
      collect(pull, caller, cursor, seen);
      assertThat(seen).containsKeys(records.get(0), records.get(1));
      assertThat(seen.get(records.get(0))).isEqualTo(2);
    }
  }

  /**
   * Waits until every transaction begun so far in the cluster has ended, so the feed's horizon
   * covers all writes (other databases on a shared test server can hold it back for a moment).
   */
  private static void awaitHorizon() {
    try (Connection c = db.ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      long mine;
      try (ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
        rs.next();
        mine = rs.getLong(1);
      }
      for (int i = 0; i < 1500; i++) {
        try (ResultSet rs =
            s.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) {
          rs.next();
          if (rs.getLong(1) > mine) {
            return;
          }
        }
        Thread.sleep(20);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * These writers bypass the service, so they declare the row-level-security scope the service
   * would (V2026_11_29_21): for the rest of the connection's current transaction.
   */
  private static void systemScope(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT set_config('drivesync.scope', 'system', true)");
    }
  }

  private static void touch(Connection c, UUID id) throws Exception {
    systemScope(c);
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE drive_records SET version = version + 1,"
                + " change_xid = pg_current_xact_id()::text::bigint WHERE id = ?")) {
      update.setObject(1, id);
      update.executeUpdate();
    }
  }

  private static String drain(SyncPullService pull, Caller caller, String cursor) {
    return collect(pull, caller, cursor, new HashMap<>());
  }

  private static String collect(
      SyncPullService pull, Caller caller, String cursor, Map<UUID, Integer> seen) {
    SyncPullService.PullPage page;
    do {
      page = pull.pull(caller, cursor, 50);
      page.changes().stream()
          .filter(c -> c.entity().equals("drive_record"))
          .forEach(c -> seen.put(c.id(), c.version()));
      cursor = page.cursor();
    } while (page.hasMore());
    return cursor;
  }

  /** Pulls pages until writing has stopped and a pull after that returns nothing new. */
  private static Map<UUID, Integer> follow(
      SyncPullService pull, Caller caller, AtomicBoolean writing) throws InterruptedException {
    Map<UUID, Integer> seen = new HashMap<>();
    String cursor = null;
    boolean finalPass = false;
    while (true) {
      boolean stopped = !writing.get();
      SyncPullService.PullPage page = pull.pull(caller, cursor, 7);
      for (SyncPullService.Change change : page.changes()) {
        if (change.entity().equals("drive_record")) {
          Integer previous = seen.put(change.id(), change.version());
          assertThat(previous == null || previous < change.version())
              .as("versions of a record arrive in increasing order")
              .isTrue();
        }
      }
      cursor = page.cursor();
      if (!page.hasMore()) {
        if (finalPass) {
          return seen;
        }
        if (stopped) {
          awaitHorizon();
        }
        finalPass = stopped;
        Thread.sleep(3);
      }
    }
  }

  /** Updates random records; a third of the transactions sleep before committing. */
  private void write(List<UUID> records, Random random, int writer) {
    try (Connection c = db.appDataSource().getConnection()) {
      c.setAutoCommit(false);
      for (int i = 0; i < WRITES_PER_WRITER; i++) {
        UUID id = records.get(random.nextInt(records.size()));
        systemScope(c);
        try (PreparedStatement update =
            c.prepareStatement(
                """
            UPDATE drive_records
            SET version = version + 1, outcome = ?, updated_at = now(),
                change_xid = pg_current_xact_id()::text::bigint
            WHERE id = ?
            """)) {
          update.setString(1, i % 2 == 0 ? "pledged" : "declined");
          update.setObject(2, id);
          update.executeUpdate();
        }
        if (random.nextInt(3) == 0) {
          Thread.sleep(5 + random.nextInt(40)); // holds a low xid open while others commit
        }
        c.commit();
      }
    } catch (Exception e) {
      throw new IllegalStateException("writer " + writer, e);
    }
  }

  private List<UUID> seed(UUID participant) throws Exception {
    List<UUID> ids = new ArrayList<>();
    try (Connection c = db.ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (id, name, role) VALUES ('" + participant + "', 'P', 'participant')");
      UUID drive = UUID.randomUUID();
      s.execute(
          "INSERT INTO drives (id, name, local_authority_code, region_code, venue_type, starts_on,"
              + " ends_on, created_by) VALUES ('"
              + drive
              + "', 'D', 'E08000025', 'E12000005', 'other',"
              + " '2026-01-01', '2026-12-31', '"
              + participant
              + "')");
      for (int i = 0; i < RECORDS; i++) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        s.execute(
            "INSERT INTO drive_records (id, drive_id, region_code, local_authority_code,"
                + " recorded_by, version, recorded_at, outcome) VALUES ('"
                + id
                + "', '"
                + drive
                + "', 'E12000005', 'E08000025', '"
                + participant
                + "', 1, now(), 'pledged')");
      }
    }
    return ids;
  }

  private Map<UUID, Integer> finalVersions() throws Exception {
    Map<UUID, Integer> versions = new ConcurrentHashMap<>();
    try (Connection c = db.ownerDataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT id, version FROM drive_records")) {
      while (rs.next()) {
        versions.put(rs.getObject(1, UUID.class), rs.getInt(2));
      }
    }
    return new HashMap<>(versions);
  }
}
