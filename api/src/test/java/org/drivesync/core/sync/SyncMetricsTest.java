package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.Http;
import org.drivesync.testing.Sql;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.WatermelonClient;
import org.junit.jupiter.api.Test;

/** The business of sync on the admin port's /metrics (docs/operations.md, "Sync metrics"). */
class SyncMetricsTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);

  /** The admin port's metrics as Dropwizard's servlet serves them. */
  static JsonNode metrics(String adminUrl) {
    Http.Reply reply = new Http(adminUrl).get("/metrics");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  static long counter(JsonNode metrics, String name) {
    return metrics.path("counters").path("drivesync.sync." + name).path("count").asLong(0);
  }

  private long delta(JsonNode before, JsonNode after, String name) {
    return counter(after, name) - counter(before, name);
  }

  @Test
  void pushesMutationsRejectionsConflictsAndPullPagesAreCounted() {
    Phone p = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    UUID drive = fixtures.drive(Fixtures.EAST_MIDLANDS, p.participantId());
    SyncClient phone = new SyncClient(app.http(), p);
    SyncClient other = new SyncClient(app.http(), fixtures.phone(p.participantId()));
    JsonNode before = metrics(app.adminUrl());

    UUID id = UUID.randomUUID();
    UUID mutationId = UUID.randomUUID();
    Map<String, Object> forbidden = SyncClient.record(drive, "pledged");
    forbidden.put("nationality", "x");
    phone.push(
        phone.mutation(mutationId, "upsert", id, null, SyncClient.record(drive, "pledged")),
        phone.mutation(mutationId, "upsert", id, null, SyncClient.record(drive, "pledged")),
        phone.upsert(UUID.randomUUID(), null, forbidden));
    phone.push(phone.upsert(id, 1L, SyncClient.record(drive, "declined")));
    other.push(other.upsert(id, 1L, SyncClient.record(drive, "registered_on_site")));
    assertThat(phone.pushRaw(java.util.List.of()).status()).isEqualTo(200);
    assertThat(
            app.http()
                .as(p.token())
                .post("/api/v1/sync/push", Map.of("protocolVersion", "x"))
                .status())
        .isEqualTo(400);
    phone.pullAll();
    WatermelonClient melon = new WatermelonClient(app, p);
    melon.pull();
    melon.pushOk(
        WatermelonClient.created(WatermelonClient.raw(UUID.randomUUID(), drive, "pledged")));

    JsonNode after = metrics(app.adminUrl());
    assertThat(delta(before, after, "pushes.native.ok")).isGreaterThanOrEqualTo(4);
    assertThat(delta(before, after, "pushes.native.validation_failed")).isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "pushes.watermelon.ok")).isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "mutations.applied")).isGreaterThanOrEqualTo(3);
    assertThat(delta(before, after, "mutations.duplicate")).isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "mutations.rejected")).isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "mutations.conflict")).isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "rejections.forbidden_field")).isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "conflicts.fields")).isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "pull.pages.native")).isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "pull.pages.watermelon")).isGreaterThanOrEqualTo(1);
    assertThat(after.path("counters").has("drivesync.sync.server_busy")).isTrue();
  }

  @Test
  void theFeedLagIsHowLongTheHorizonHasTrailedTheCommits() throws Exception {
    try (Connection c = app.database().ownerDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_current_xact_id()"); // holds the horizon back until it ends
      }
      // A later transaction commits: the feed cannot serve it while the first is open.
      Sql.count(app, "SELECT pg_current_xact_id()::text::bigint");
      Thread.sleep(3_000);
      double lag =
          metrics(app.adminUrl())
              .path("gauges")
              .path("drivesync.sync.feed.lag_seconds")
              .path("value")
              .asDouble(-1);
      assertThat(lag).isGreaterThanOrEqualTo(1.0);
      c.rollback();
    }
    long deadline = System.nanoTime() + 20_000_000_000L;
    double lag;
    do {
      Thread.sleep(200);
      lag =
          metrics(app.adminUrl())
              .path("gauges")
              .path("drivesync.sync.feed.lag_seconds")
              .path("value")
              .asDouble(-1);
    } while (lag > 1.5 && System.nanoTime() < deadline);
    assertThat(lag).isBetween(0.0, 1.5);
  }
}
