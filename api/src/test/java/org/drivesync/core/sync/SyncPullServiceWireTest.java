package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.db.FeedDao;
import org.drivesync.db.Jdbis;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.eligibility.RulesetCatalog;
import org.drivesync.json.JsonMappers;
import org.drivesync.records.Outcome;
import org.drivesync.sync.PullCursor;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The native pull passes through the JSON PostgreSQL builds for each record (FeedDao.RECORD_JSON);
 * these tests serialise a feed of deliberately varied records both ways — mapped to RecordView and
 * written by the API's ObjectMapper, as before, and passed through — and require the same bytes.
 */
class SyncPullServiceWireTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final UUID PARTICIPANT = UUID.randomUUID();
  private static final UUID DEVICE = UUID.randomUUID();
  private static final UUID DRIVE = UUID.randomUUID();

  private static final String CANONICAL =
      "{\"rulesetVersion\": \"EA22-2024-05-07\", \"basis\": \"british_citizen\","
          + " \"registration\": \"yes\", \"elections\": [\"local_england\", \"uk_parliament\"],"
          + " \"signposts\": []}";

  /**
   * Guidance as the parser writes it (every key, lists sorted; the typed codec reads nothing else),
   * with the strings that stress the JSON pass: escapes, controls, non-BMP characters.
   */
  private static final List<String> GUIDANCE =
      List.of(
          CANONICAL,
          "{\"rulesetVersion\": \"EA22-2024-05-07\", \"basis\": \"eu_settled\","
              + " \"registration\": \"attainer\", \"elections\": [], \"signposts\": [\"dwp\"]}",
          "null",
          guidance("null", "[]", "null"),
          guidance(
              "\"quote \\\" backslash \\\\ slash / tab \\t nl \\n cr \\r bs \\b ff \\f"
                  + " ctl \\u0001 \\u000b \\u001a \\u001F del \\u007f\"",
              "[]",
              "\"no\""),
          guidance("\"é ü ß 中文 עברית 😀 \\u2028 \\ud83d\\ude00\"", "[\"a\"]", "\"yes\""),
          guidance("\"a, b: c\"", "[\" lead\", \"[z]\", \"x, y\", \"{w}\"]", "null"));

  private static String guidance(String basis, String elections, String registration) {
    return "{\"rulesetVersion\": \"EA22-2024-05-07\", \"basis\": "
        + basis
        + ", \"registration\": "
        + registration
        + ", \"elections\": "
        + elections
        + ", \"signposts\": []}";
  }

  private static final List<String> INSTANTS =
      List.of(
          "2026-05-01 10:00:00+00",
          "2026-05-01 10:00:00.5+00",
          "2026-05-01 10:00:00.12+00",
          "2026-05-01 10:00:00.120+00",
          "2026-05-01 10:00:00.000001+00",
          "2026-05-01 10:00:00.12345+00",
          "2026-05-01 10:00:00.123456+01",
          "0001-01-01 00:00:00+00",
          "9999-12-31 23:59:59.999999+00",
          "10000-01-01 00:00:00+00",
          "0001-12-31 23:59:59+00 BC",
          "4713-01-01 00:00:00+00 BC",
          "100000-01-01 00:00:00+00",
          "infinity");

  private static final List<String> FLAGS =
      List.of(
          "{}", "{late}", "{outdated_ruleset,clock_skew,late}", "{conflict}", "{late,conflict}");

  private static final ObjectMapper API = JsonMappers.strict();

  /** How many live records the seed gave a fraction in guidance or an infinite or far instant. */
  private static int expectedInJava;

  @BeforeAll
  static void seed() throws Exception {
    JsonMappers.refuseScalarCoercion(API);
    try (Connection c = db.ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (id, name, role) VALUES ('" + PARTICIPANT + "', 'P', 'participant')");
      s.execute(
          "INSERT INTO devices (id, user_id, name, app_version) VALUES ('"
              + DEVICE
              + "', '"
              + PARTICIPANT
              + "', 'phone', '1.0')");
      drive(s, DRIVE, "Zoë's \"drive\" \\ 中文", "active", true);
      drive(s, UUID.randomUUID(), "closed one", "closed", true);
      drive(s, UUID.randomUUID(), "unassigned", "active", false);
      try (PreparedStatement insert =
          c.prepareStatement(
              """
              INSERT INTO drive_records (id, drive_id, region_code, local_authority_code,
                recorded_by, device_id, version, recorded_at, outcome, guidance, age_band,
                first_time_registrant, language, deleted, flags, received_at, updated_at)
              VALUES (?, ?, 'E12000005', 'E08000025', ?, ?, ?, ?::timestamptz, ?, ?::jsonb, ?, ?,
                ?, ?, ?::text[], ?::timestamptz, ?::timestamptz)
              """)) {
        for (int i = 0; i < 240; i++) {
          insert.setObject(1, UUID.randomUUID());
          insert.setObject(2, DRIVE);
          insert.setObject(3, PARTICIPANT);
          insert.setObject(4, i % 5 == 0 ? null : DEVICE);
          insert.setInt(5, 1 + i % 4);
          insert.setString(6, INSTANTS.get(i % INSTANTS.size()));
          insert.setString(7, Outcome.values()[i % Outcome.values().length].wireName());
          insert.setString(8, i % 13 == 12 ? null : GUIDANCE.get(i % GUIDANCE.size()));
          insert.setString(9, i % 7 == 0 ? null : i % 2 == 0 ? "65+" : "18-24");
          insert.setObject(10, i % 3 == 0 ? null : i % 3 == 1);
          insert.setString(11, i % 9 == 0 ? null : "ur");
          insert.setBoolean(12, i % 17 == 3);
          insert.setString(13, FLAGS.get(i % FLAGS.size()));
          // Server instants: mostly microseconds, as now() gives them, and some of the edge cases.
          insert.setString(14, INSTANTS.get((i + 3) % 7));
          insert.setString(15, INSTANTS.get((i * 5 + 1) % INSTANTS.size()));
          insert.addBatch();
          boolean fraction = i % 13 != 12 && GUIDANCE.get(i % GUIDANCE.size()).contains(".");
          boolean outOfRange =
              java.util.stream.IntStream.of(
                      i % INSTANTS.size(), (i + 3) % 7, (i * 5 + 1) % INSTANTS.size())
                  .anyMatch(
                      k ->
                          INSTANTS.get(k).startsWith("100000")
                              || INSTANTS.get(k).equals("infinity"));
          if (i % 17 != 3 && (fraction || outOfRange)) {
            expectedInJava++;
          }
        }
        insert.executeBatch();
      }
    }
  }

  private static void drive(Statement s, UUID id, String name, String status, boolean assigned)
      throws Exception {
    s.execute(
        "INSERT INTO drives (id, name, local_authority_code, region_code, venue_type, starts_on,"
            + " ends_on, status, closed_at, created_by) VALUES ('"
            + id
            + "', '"
            + name.replace("'", "''")
            + "', 'E08000025', 'E12000005', 'community_centre', '2026-01-01', '2026-12-31', '"
            + status
            + "', "
            + ("closed".equals(status) ? "now()" : "NULL")
            + ", '"
            + PARTICIPANT
            + "')");
    s.execute(
        "INSERT INTO drive_assignments (drive_id, participant_id, active, unassigned_at)"
            + " VALUES ('"
            + id
            + "', '"
            + PARTICIPANT
            + "', "
            + assigned
            + ", "
            + (assigned ? "NULL" : "now()")
            + ")");
  }

  @Test
  void passedThroughChangesAreTheBytesTheMappedOnesWere() throws Exception {
    Both both = bothWays();
    List<SyncPullService.Change> mapped = both.mapped();
    List<SyncPullService.Change> passed = both.passed();
    assertThat(passed).hasSize(mapped.size()).hasSize(243);
    for (int i = 0; i < mapped.size(); i++) {
      assertThat(json(passed.get(i)))
          .as("change %d, %s", i, mapped.get(i).id())
          .isEqualTo(json(mapped.get(i)));
    }
    assertThat(API.writeValueAsBytes(passed)).isEqualTo(API.writeValueAsBytes(mapped));
  }

  @Test
  void mostRecordsArePassedThroughAndTheRestBuiltInJava() throws Exception {
    List<SyncPullService.Change> passed = bothWays().passed();
    long through = passed.stream().filter(c -> c.record() instanceof RawValue).count();
    long deleted = passed.stream().filter(c -> "delete".equals(c.op())).count();
    long inJava =
        passed.stream()
            .filter(c -> c.entity().equals("drive_record") && c.record() != null)
            .filter(c -> !(c.record() instanceof RawValue))
            .count();
    assertThat(deleted).isPositive();
    // Fractions in guidance, and infinite instants or those past year 99999, are built in Java.
    assertThat(inJava).isPositive().isEqualTo(expectedInJava);
    assertThat(through + inJava + deleted).isEqualTo(240);
  }

  @Test
  void servicePagesCarryTheSameChangesAsTheMappedFeed() throws Exception {
    List<SyncPullService.Change> mapped = bothWays().mapped();
    SyncPullService pull =
        new SyncPullService(Jdbis.over(db.appDataSource()), RulesetCatalog.loadBundled()::earliest);
    List<String> paged = new ArrayList<>();
    String cursor = null;
    SyncPullService.PullPage page;
    do {
      page = pull.pull(caller(), cursor, 17);
      for (SyncPullService.Change change : page.changes()) {
        paged.add(json(change));
      }
      cursor = page.cursor();
    } while (page.hasMore());
    assertThat(paged).isEqualTo(mapped.stream().map(SyncPullServiceWireTest::json).toList());
  }

  /** The whole feed, mapped to objects as before and passed through. */
  private record Both(List<SyncPullService.Change> mapped, List<SyncPullService.Change> passed) {}

  private static Both bothWays() {
    Caller caller = caller();
    return new ScopedJdbi(Jdbis.over(db.appDataSource()))
        .inTransaction(
            TransactionIsolationLevel.REPEATABLE_READ,
            RowScope.of(caller),
            handle -> {
              List<FeedDao.FeedRow> rows =
                  SyncPullService.allAfter(handle, PARTICIPANT, PullCursor.START);
              List<SyncPullService.Change> mapped =
                  SyncPullService.materialise(handle, rows, PARTICIPANT);
              List<FeedDao.FeedChange> changes =
                  handle
                      .attach(FeedDao.class)
                      .changes(
                          PARTICIPANT, new FeedDao.After(0, 0, new UUID(0, 0), true, null), 1000);
              List<SyncPullService.Change> passed =
                  SyncPullService.changesOf(handle, changes, PARTICIPANT);
              return new Both(mapped, passed);
            });
  }

  private static Caller caller() {
    return new Caller(PARTICIPANT, Role.PARTICIPANT, Set.of(), DEVICE, new byte[32]);
  }

  private static String json(SyncPullService.Change change) {
    try {
      return new String(API.writeValueAsBytes(change), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
