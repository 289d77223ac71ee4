package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.drivesync.db.Jdbis;
import org.drivesync.sync.TombstonePolicy;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Http;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestKeys;
import org.junit.jupiter.api.Test;

/** Tombstones live at least 180 days; after the purge, devices older than it must reset. */
class TombstonePurgeTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);

  @Test
  void expiredTombstonesArePurgedAndOlderCursorsMustReset() throws Exception {
    Fixtures.Phone p = fixtures.participantWithPhone(Fixtures.NORTH_WEST);
    UUID drive = fixtures.drive(Fixtures.NORTH_WEST, p.participantId());
    SyncClient phone = new SyncClient(app.http(), p);
    UUID young = UUID.randomUUID();
    UUID old = UUID.randomUUID();
    phone.push(
        phone.upsert(young, null, SyncClient.record(drive, "pledged")),
        phone.upsert(old, null, SyncClient.record(drive, "pledged")));
    org.drivesync.testing.Sql.awaitHorizon(app);
    String before = app.http().as(p.token()).get("/api/v1/sync/pull").json().get("cursor").asText();
    phone.push(phone.delete(young, 1L), phone.delete(old, 1L));
    execute("UPDATE drive_records SET deleted_at = now() - interval '181 days' WHERE id = ?", old);

    long purged =
        new TombstonePurge(Jdbis.over(app.database().ownerDataSource()), TestKeys.auditLog())
            .run(TombstonePolicy.DEFAULT, n -> {});

    assertThat(purged).isGreaterThanOrEqualTo(1);
    assertThat(count("SELECT count(*) FROM drive_records WHERE id = ?", old)).isZero();
    assertThat(count("SELECT count(*) FROM drive_record_versions WHERE record_id = ?", old))
        .isZero();
    assertThat(count("SELECT count(*) FROM drive_records WHERE id = ?", young))
        .as("younger tombstone kept")
        .isEqualTo(1);
    Http.Reply stale = app.http().as(p.token()).get("/api/v1/sync/pull?cursor=" + before);
    assertThat(stale.status()).isEqualTo(410);
    assertThat(stale.code()).isEqualTo("reset_required");
    assertThat(app.http().as(p.token()).get("/api/v1/sync/pull").status()).isEqualTo(200);
    execute("UPDATE sync_state SET purged_through_xid = 0", null);
  }

  private void execute(String sql, UUID id) throws Exception {
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (id != null) {
        s.setObject(1, id);
      }
      s.executeUpdate();
    }
  }

  private long count(String sql, UUID id) throws Exception {
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
