package org.drivesync.core.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes quarantined mutations and idempotency-ledger rows past their retention periods, in
 * batches, with one audit event of counts. Quarantine is kept only long enough to diagnose a
 * misbehaving app; the ledger long enough that a phone's very late retry is still recognised.
 */
public final class SyncLedgerRetention {
  /** What one run deleted. */
  public record Run(int quarantined, int ledger) {}

  static final int BATCH = 1000;

  private final Jdbi jdbi;
  private final AuditLog auditLog;
  private final Clock clock;

  public SyncLedgerRetention(Jdbi jdbi, AuditLog auditLog, Clock clock) {
    this.jdbi = jdbi;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  public Run run(int quarantineDays, int ledgerDays, String trigger) {
    Instant now = clock.instant();
    int quarantined =
        deleteOlder("quarantined_mutations", "id", now.minus(Duration.ofDays(quarantineDays)));
    int ledger =
        deleteOlder("sync_mutations", "mutation_id", now.minus(Duration.ofDays(ledgerDays)));
    if (quarantined + ledger > 0) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("trigger", trigger);
      details.put("quarantineDays", quarantineDays);
      details.put("ledgerDays", ledgerDays);
      details.put("quarantinedDeleted", quarantined);
      details.put("ledgerDeleted", ledger);
      jdbi.useTransaction(
          handle ->
              auditLog.append(handle, Actor.system(), "sync.retention", "sync", null, details));
    }
    return new Run(quarantined, ledger);
  }

  /**
   * Short transactions of one batch each. Rows this old are never written again (pushes only
   * insert), so no row lock is needed to pick them.
   */
  private int deleteOlder(String table, String key, Instant cutoff) {
    int total = 0;
    int deleted;
    do {
      // Table and key names are constants of this class, never input.
      deleted =
          jdbi.withHandle(
              handle ->
                  handle
                      .createUpdate(
                          "DELETE FROM "
                              + table
                              + " WHERE "
                              + key
                              + " IN (SELECT "
                              + key
                              + " FROM "
                              + table
                              + " WHERE received_at < :cutoff ORDER BY received_at LIMIT :batch)")
                      .bind("cutoff", cutoff)
                      .bind("batch", BATCH)
                      .execute());
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }
}
