package org.drivesync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.Fixtures.Phone;
import org.drivesync.testing.SyncClient;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The engine's transaction: what it does when a concurrent push gets in its way. */
class SyncEngineTest {
  private final TestApp app = TestApp.get();
  private final Fixtures fixtures = Fixtures.of(app);

  /**
   * Only records are locked, so a mutation id sent for another record by a concurrent push is
   * recorded under the push's feet: the push waits for it, runs again and answers from the ledger.
   */
  @Test
  void aMutationIdRecordedByAConcurrentPushIsAnsweredFromTheLedgerAfterARetry() throws Exception {
    Phone p = fixtures.participantWithPhone(Fixtures.EAST_MIDLANDS);
    UUID drive = fixtures.drive(Fixtures.EAST_MIDLANDS, p.participantId());
    SyncClient phone = new SyncClient(app.http(), p);
    UUID mutationId = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    Map<String, Object> mutation =
        phone.mutation(mutationId, "upsert", id, null, SyncClient.record(drive, "pledged"));

    CompletableFuture<JsonNode> pushed;
    try (Connection other = app.database().ownerDataSource().getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement s =
          other.prepareStatement(
              "INSERT INTO sync_mutations (mutation_id, device_id, record_id, fingerprint, answer)"
                  + " VALUES (?, ?, ?, 'another', '{}')")) {
        s.setObject(1, mutationId);
        s.setObject(2, p.deviceId());
        s.setObject(3, UUID.randomUUID());
        s.executeUpdate();
      }
      pushed = CompletableFuture.supplyAsync(() -> phone.push(mutation).get(0));
      awaitBlockedOnTheLedger();
      other.commit();
    }

    JsonNode result = pushed.get(30, TimeUnit.SECONDS);
    assertThat(result.get("status").asText()).isEqualTo("rejected");
    assertThat(result.get("error").get("code").asText()).isEqualTo("mutation_id_reused");
    assertThat(count("SELECT count(*) FROM drive_record_versions WHERE record_id = ?", id))
        .isZero();
  }

  private void awaitBlockedOnTheLedger() throws Exception {
    for (int i = 0; i < 300; i++) {
      if (count(
              "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                  + " AND query LIKE ? ",
              "%INSERT INTO sync_mutations%")
          > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the push never waited on the ledger row");
  }

  private long count(String sql, Object parameter) throws Exception {
    try (Connection c = app.database().ownerDataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
