package org.drivesync.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Person;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics API of docs/metrics.md through HTTP and PostgreSQL: every dimension, edits, scope.
 */
class MetricsApiTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);
  private Person staff;
  private SyncClient phone;
  private UUID drive;

  @BeforeEach
  void aParticipantAtADrive() {
    staff = fixtures.staff();
    Phone p = fixtures.participantWithPhone(Fixtures.YORKSHIRE);
    drive = fixtures.drive(Fixtures.YORKSHIRE, p.participantId());
    phone = new SyncClient(app.http(), p);
  }

  /** A record with guidance listing {@code elections} (none: not eligible by guidance). */
  static Map<String, Object> record(
      UUID drive, String outcome, String recordedAt, String... elections) {
    Map<String, Object> record = SyncClient.record(drive, outcome);
    record.put("recordedAt", recordedAt);
    Map<String, Object> guidance = new LinkedHashMap<>();
    guidance.put("rulesetVersion", "EA22-2024-05-07");
    guidance.put("basis", elections.length > 0 ? "qualifying_commonwealth" : "none");
    guidance.put("registration", "no");
    guidance.put("elections", List.of(elections));
    guidance.put("signposts", List.of());
    record.put("guidance", guidance);
    return record;
  }

  private JsonNode summary(Person who, String query) {
    Http.Reply reply = app.http().as(who.token()).get("/api/v1/metrics/summary?" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode onlyRow(JsonNode summary) {
    assertThat(summary.get("rows")).as(summary.toString()).hasSize(1);
    return summary.get("rows").get(0);
  }

  @Test
  void everyDimensionGroupsTheDrivesRecords() {
    Map<String, Object> a =
        record(drive, "registered_on_site", "2026-06-10T10:00:00Z", "uk_parliament");
    a.put("ageBand", "18-24");
    a.put("language", "pl");
    a.put("firstTimeRegistrant", true);
    Map<String, Object> b = record(drive, "declined", "2026-06-10T23:30:00Z");
    b.put("ageBand", null);
    b.put("language", null);
    b.put("firstTimeRegistrant", null);
    phone.push(phone.upsert(UUID.randomUUID(), null, a), phone.upsert(UUID.randomUUID(), null, b));
    String base = "driveId=" + drive + "&groupBy=";

    assertThat(onlyRow(summary(staff, base + "region")).get("region").asText())
        .isEqualTo(Fixtures.YORKSHIRE);
    JsonNode byCouncil = summary(staff, base + "local_authority");
    assertThat(onlyRow(byCouncil).get("local_authority").asText())
        .isEqualTo(Fixtures.COUNCIL.get(Fixtures.YORKSHIRE));
    assertThat(byCouncil.get("labels").get("local_authority").get("E08000035").asText())
        .isEqualTo("Leeds");
    JsonNode byDrive = summary(staff, base + "drive");
    assertThat(onlyRow(byDrive).get("drive").asText()).isEqualTo(drive.toString());
    assertThat(byDrive.get("labels").get("drive").has(drive.toString())).isTrue();
    assertThat(onlyRow(summary(staff, base + "participant")).get("participant").asText())
        .isEqualTo(phone.phone().participantId().toString());
    // 23:30 UTC on 10 June is 00:30 on 11 June in the UK: days are UK days.
    assertThat(keys(summary(staff, base + "day"), "day"))
        .containsExactly("2026-06-10", "2026-06-11");
    assertThat(keys(summary(staff, base + "week"), "week")).containsExactly("2026-06-08");
    assertThat(keys(summary(staff, base + "month"), "month")).containsExactly("2026-06-01");
    assertThat(keys(summary(staff, base + "outcome"), "outcome"))
        .containsExactly("declined", "registered_on_site");
    assertThat(keys(summary(staff, base + "basis"), "basis"))
        .containsExactly("none", "qualifying_commonwealth");
    assertThat(keys(summary(staff, base + "age_band"), "age_band"))
        .containsExactly("18-24", "null");
    assertThat(keys(summary(staff, base + "language"), "language")).containsExactly("pl", "null");
    assertThat(keys(summary(staff, base + "first_time"), "first_time"))
        .containsExactly("true", "null");

    JsonNode byOutcome = summary(staff, base + "outcome");
    JsonNode registered = byOutcome.get("rows").get(1);
    assertThat(registered.get("contacts").asInt()).isEqualTo(1);
    assertThat(registered.get("registeredOnSite").asInt()).isEqualTo(1);
    assertThat(registered.get("eligibleReached").asInt()).isEqualTo(1);
    assertThat(byOutcome.get("rows").get(0).get("eligibleReached").asInt()).isZero();
    assertThat(byOutcome.get("totals").get("contacts").asInt()).isEqualTo(2);
  }

  @Test
  void theMetricsFollowEditsAndDeletesAndALatestVersionCountsOnce() {
    UUID id = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    phone.push(
        phone.upsert(id, null, record(drive, "pledged", "2026-06-01T10:00:00Z", "local_england")),
        phone.upsert(
            other,
            null,
            record(drive, "already_registered", "2026-06-01T11:00:00Z", "local_england")));
    phone.push(phone.upsert(id, 1L, record(drive, "follow_up", "2026-06-01T10:00:00Z")));
    phone.push(
        phone.upsert(
            id, 2L, record(drive, "registered_on_site", "2026-06-01T10:00:00Z", "uk_parliament")));

    JsonNode totals = summary(staff, "driveId=" + drive).get("totals");
    assertThat(totals.get("contacts").asInt()).isEqualTo(2);
    assertThat(totals.get("registeredOnSite").asInt()).isEqualTo(1);
    assertThat(totals.get("pledged").asInt()).isZero();
    assertThat(totals.get("followUps").asInt()).isZero();
    assertThat(totals.get("alreadyRegistered").asInt()).isEqualTo(1);
    assertThat(totals.get("eligibleReached").asInt()).isEqualTo(2);
    // One registered of the one eligible person who was not already registered.
    assertThat(totals.get("registrationRate").asDouble()).isEqualTo(1.0);

    phone.push(phone.delete(id, 3L));
    totals = summary(staff, "driveId=" + drive).get("totals");
    assertThat(totals.get("contacts").asInt()).isEqualTo(1);
    assertThat(totals.get("registeredOnSite").asInt()).isZero();
    assertThat(totals.get("registrationRate").isNull())
        .as("no eligible unregistered person")
        .isTrue();
    assertThat(summary(staff, "driveId=" + drive + "&groupBy=outcome").get("rows")).hasSize(1);
    assertAggregatesMatchTheRecords();
  }

  @Test
  void organisersSeeSmallNumbersSuppressedAndTheRestRoundedWhileStaffSeeExactCounts() {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(
          phone.upsert(UUID.randomUUID(), null, record(drive, "declined", "2026-06-02T10:00:00Z")));
    }
    for (int i = 0; i < 8; i++) {
      batch.add(
          phone.upsert(
              UUID.randomUUID(),
              null,
              record(drive, "registered_on_site", "2026-06-02T10:00:00Z", "uk_parliament")));
    }
    phone.push(batch);
    Person organiser = fixtures.organiser(Fixtures.YORKSHIRE);

    JsonNode mine = summary(organiser, "driveId=" + drive + "&groupBy=outcome");
    assertThat(mine.get("figures").asText()).isEqualTo("rounded");
    assertThat(mine.get("rows").get(0).get("declined").asText()).isEqualTo("<5");
    assertThat(mine.get("rows").get(0).get("contacts").asText()).isEqualTo("<5");
    assertThat(mine.get("rows").get(0).get("pledged").asInt()).isZero();
    assertThat(mine.get("rows").get(1).get("registeredOnSite").asInt()).isEqualTo(10);
    assertThat(mine.get("totals").get("contacts").asInt()).as("11 rounds to 10").isEqualTo(10);
    assertThat(mine.get("totals").get("declined").asText()).isEqualTo("<5");
    // 8 of 8 eligible: the rate comes from the figures as shown (10 / 10).
    assertThat(mine.get("totals").get("registrationRate").asDouble()).isEqualTo(1.0);

    JsonNode exact = summary(staff, "driveId=" + drive + "&groupBy=outcome");
    assertThat(exact.get("figures").asText()).isEqualTo("exact");
    assertThat(exact.get("rows").get(0).get("declined").asInt()).isEqualTo(3);
    assertThat(exact.get("totals").get("contacts").asInt()).isEqualTo(11);
  }

  @Test
  void organisersAreLimitedToTheirRegionsAndFiltersOutsideThemAnswerAsIfAbsent() {
    phone.push(
        phone.upsert(UUID.randomUUID(), null, record(drive, "pledged", "2026-06-03T10:00:00Z")));
    Person elsewhere = fixtures.organiser(Fixtures.WEST_MIDLANDS);
    Http http = app.http().as(elsewhere.token());

    Http.Reply outside = http.get("/api/v1/metrics/summary?region=" + Fixtures.YORKSHIRE);
    Http.Reply missing = http.get("/api/v1/metrics/summary?region=E12000009");
    assertThat(outside.status()).isEqualTo(404);
    assertThat(outside.text()).isEqualTo(missing.text());
    assertThat(http.get("/api/v1/metrics/summary?driveId=" + drive).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/metrics/summary?driveId=" + UUID.randomUUID()).status())
        .isEqualTo(404);
    assertThat(
            http.get(
                    "/api/v1/metrics/summary?localAuthority="
                        + Fixtures.COUNCIL.get(Fixtures.YORKSHIRE))
                .status())
        .isEqualTo(404);
    assertThat(http.get("/api/v1/metrics/flagged-records?region=" + Fixtures.YORKSHIRE).status())
        .isEqualTo(404);

    JsonNode byRegion = summary(elsewhere, "groupBy=region");
    for (JsonNode row : byRegion.get("rows")) {
      assertThat(row.get("region").asText()).isEqualTo(Fixtures.WEST_MIDLANDS);
    }
    Http.Reply participants = http.get("/api/v1/metrics/summary?groupBy=participant");
    assertThat(participants.status()).isEqualTo(403);
    assertThat(participants.code()).isEqualTo("forbidden");
    assertThat(phone.http().get("/api/v1/metrics/summary").status()).isEqualTo(403);
    assertThat(app.http().get("/api/v1/metrics/summary").status()).isEqualTo(401);
  }

  @Test
  void badQueriesAreRefusedWithA400NamingTheParameter() {
    Http http = app.http().as(staff.token());
    for (String query :
        List.of(
            "groupBy=colour",
            "groupBy=week,week",
            "from=yesterday",
            "from=2026-06-02&to=2026-06-01",
            "driveId=not-a-uuid",
            "groupBy=region,drive,week,outcome,basis")) {
      Http.Reply reply = http.get("/api/v1/metrics/summary?" + query);
      assertThat(reply.status()).as(query + " -> " + reply).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("validation_failed");
    }
  }

  @Test
  void staffExportTheSummaryAsCsvAndEveryExportIsAudited() throws Exception {
    phone.push(
        phone.upsert(UUID.randomUUID(), null, record(drive, "pledged", "2026-06-04T10:00:00Z")),
        phone.upsert(UUID.randomUUID(), null, record(drive, "declined", "2026-06-04T10:00:00Z")));
    Http.Reply csv =
        app.http()
            .as(staff.token())
            .get("/api/v1/metrics/export.csv?driveId=" + drive + "&groupBy=drive,outcome");
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    // A byte-order mark, so a spreadsheet reads the UTF-8 as UTF-8, and headers in words.
    assertThat(csv.bytes()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String[] lines = csv.text().substring(1).split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "Drive id,Drive,Outcome,Contacts,Registered on site,Pledged,"
                + "Already registered,Not eligible,Declined,Follow-ups,Eligible reached,Registration rate");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).startsWith(drive + ",").contains(",declined,1,0,0,0,0,1,0,0,");

    try (Connection c = app.database().ownerDataSource().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT details->>'groupBy', details->>'rows' FROM audit_events WHERE action = 'metrics.export'"
                        + " AND actor_user_id = '"
                        + staff.id()
                        + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("drive,outcome");
      assertThat(rs.getString(2)).isEqualTo("2");
    }
    Person organiser = fixtures.organiser(Fixtures.YORKSHIRE);
    assertThat(app.http().as(organiser.token()).get("/api/v1/metrics/export.csv").status())
        .isEqualTo(403);
  }

  @Test
  void flaggedRecordsAreListedForTheirRegionWithoutPersonalFields() {
    UUID early = UUID.randomUUID();
    // Before the drive's first day: flagged clock_skew.
    phone.push(phone.upsert(early, null, record(drive, "pledged", "2025-12-30T10:00:00Z")));
    Person organiser = fixtures.organiser(Fixtures.YORKSHIRE);
    Http.Reply reply =
        app.http()
            .as(organiser.token())
            .get("/api/v1/metrics/flagged-records?flag=clock_skew&limit=500");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode mine = null;
    for (JsonNode item : reply.json()) {
      assertThat(item.get("regionCode").asText()).isEqualTo(Fixtures.YORKSHIRE);
      if (item.get("id").asText().equals(early.toString())) {
        mine = item;
      }
    }
    assertThat(mine).as(reply.toString()).isNotNull();
    assertThat(mine.get("flags").toString()).contains("clock_skew");
    assertThat(mine.get("driveId").asText()).isEqualTo(drive.toString());
    assertThat(mine.has("recordedBy")).isFalse();
    assertThat(
            app.http()
                .as(organiser.token())
                .get("/api/v1/metrics/flagged-records?flag=nope")
                .status())
        .isEqualTo(400);
  }

  @Test
  void concurrentPushesToTheSameAggregateRowsNeitherDeadlockNorLoseCounts() throws Exception {
    int phones = 6;
    int batches = 4;
    int perBatch = 40;
    List<SyncClient> clients = new ArrayList<>();
    List<UUID> participants = new ArrayList<>();
    for (int i = 0; i < phones; i++) {
      Phone p = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
      clients.add(new SyncClient(app.http(), p));
      participants.add(p.participantId());
    }
    UUID shared = fixtures.drive(Fixtures.NORTH_WEST, participants.toArray(UUID[]::new));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(phones);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (SyncClient client : clients) {
        done.add(
            pool.submit(
                () -> {
                  List<UUID> previous = new ArrayList<>();
                  for (int b = 0; b < batches; b++) {
                    List<Map<String, Object>> batch = new ArrayList<>();
                    // Every batch also edits the last batch's records: old rows lose what new ones
                    // gain.
                    for (UUID id : previous) {
                      batch.add(
                          client.upsert(
                              id, 1L, record(shared, "declined", "2026-06-20T11:00:00Z")));
                    }
                    previous = new ArrayList<>();
                    for (int i = 0; i < perBatch; i++) {
                      UUID id = UUID.randomUUID();
                      previous.add(id);
                      batch.add(
                          client.upsert(
                              id,
                              null,
                              record(shared, "pledged", "2026-06-20T10:00:00Z", "local_england")));
                    }
                    client.push(batch);
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(120, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    JsonNode totals = summary(staff, "driveId=" + shared).get("totals");
    assertThat(totals.get("contacts").asInt()).isEqualTo(phones * batches * perBatch);
    assertThat(totals.get("pledged").asInt()).isEqualTo(phones * perBatch);
    assertThat(totals.get("declined").asInt()).isEqualTo(phones * (batches - 1) * perBatch);
    JsonNode region =
        summary(staff, "region=" + Fixtures.NORTH_WEST + "&from=2026-06-20&to=2026-06-20");
    assertThat(region.get("totals").get("contacts").asInt())
        .isGreaterThanOrEqualTo(phones * batches * perBatch);
    assertAggregatesMatchTheRecords();
  }

  private static List<String> keys(JsonNode summary, String dimension) {
    List<String> keys = new ArrayList<>();
    summary.get("rows").forEach(row -> keys.add(row.get(dimension).asText()));
    return keys;
  }

  /** The incrementally kept aggregates equal a recount of every live record (metrics_rebuild). */
  private void assertAggregatesMatchTheRecords() {
    String recount =
        """
        SELECT (r.recorded_at AT TIME ZONE 'Europe/London')::date AS day, r.drive_id, r.recorded_by,
               r.outcome, count(*) AS n
        FROM drive_records r WHERE NOT r.deleted GROUP BY 1, 2, 3, 4
        """;
    String kept =
        """
        SELECT day, drive_id, participant_id AS recorded_by, o.outcome, sum(o.n) AS n
        FROM metrics_facts CROSS JOIN LATERAL (VALUES
          ('registered_on_site', registered_on_site), ('pledged', pledged),
          ('already_registered', already_registered), ('not_eligible', not_eligible),
          ('declined', declined), ('follow_up', follow_up)) AS o(outcome, n)
        GROUP BY 1, 2, 3, 4 HAVING sum(o.n) > 0
        """;
    try (Connection c = app.database().ownerDataSource().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM (("
                        + recount
                        + " EXCEPT "
                        + kept
                        + ") UNION ALL ("
                        + kept
                        + " EXCEPT "
                        + recount
                        + ")) diff")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
