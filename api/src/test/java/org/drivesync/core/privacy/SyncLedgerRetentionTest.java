package org.drivesync.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import org.drivesync.db.Jdbis;
import org.drivesync.testing.Audit;
import org.drivesync.testing.Fixtures;
import org.drivesync.testing.TestApp;
import org.drivesync.testing.TestKeys;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 6: quarantined mutations and the idempotency ledger are deleted after their
 * periods.
 */
class SyncLedgerRetentionTest {
  private final TestApp app = TestApp.get();
  private final Jdbi owner = Jdbis.over(app.database().ownerDataSource());

  @Test
  void rowsPastTheirPeriodsAreDeletedAsTheAppRoleAndNewerOnesKept() {
    Fixtures fixtures = Fixtures.of(app);
    UUID device = fixtures.participantWithPhone(Fixtures.NORTH_EAST).deviceId();
    UUID oldMutation = UUID.randomUUID();
    UUID newMutation = UUID.randomUUID();
    String oldQuarantine = UUID.randomUUID().toString();
    String newQuarantine = UUID.randomUUID().toString();
    owner.useHandle(
        h -> {
          for (Object[] row :
              new Object[][] {{oldMutation, "400 days"}, {newMutation, "100 days"}}) {
            h.createUpdate(
                    """
            INSERT INTO sync_mutations (mutation_id, device_id, fingerprint, result, received_at)
            VALUES (:id, :device, 'f', '{}', now() - CAST(:age AS interval))
            """)
                .bind("id", row[0])
                .bind("device", device)
                .bind("age", row[1])
                .execute();
          }
          for (Object[] row :
              new Object[][] {{oldQuarantine, "31 days"}, {newQuarantine, "2 days"}}) {
            h.createUpdate(
                    """
            INSERT INTO quarantined_mutations (device_id, mutation_id, error_code, error_message,
                                               payload, received_at)
            VALUES (:device, :id, 'invalid_field', 'x', '{}', now() - CAST(:age AS interval))
            """)
                .bind("id", row[0])
                .bind("device", device)
                .bind("age", row[1])
                .execute();
          }
        });

    SyncLedgerRetention.Run run =
        new SyncLedgerRetention(
                Jdbis.over(app.database().appDataSource()), TestKeys.auditLog(), Clock.systemUTC())
            .run(30, 365, "test");

    assertThat(run.ledger()).isGreaterThanOrEqualTo(1);
    assertThat(run.quarantined()).isGreaterThanOrEqualTo(1);
    assertThat(count("sync_mutations", "mutation_id", oldMutation)).isZero();
    assertThat(count("sync_mutations", "mutation_id", newMutation)).isOne();
    assertThat(count("quarantined_mutations", "mutation_id", oldQuarantine)).isZero();
    assertThat(count("quarantined_mutations", "mutation_id", newQuarantine)).isOne();
    assertThat(
            new Audit(fixtures.http().as(fixtures.staff().token()))
                .last("sync.retention")
                .get("details")
                .get("trigger")
                .asText())
        .isEqualTo("test");
  }

  private long count(String table, String column, Object id) {
    return owner.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .one());
  }
}
