package org.drivesync.core.sync;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.drivesync.db.TombstoneDao;
import org.drivesync.sync.TombstonePolicy;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes records that have been tombstones for longer than the horizon (180 days by default), with
 * their versions and conflicts, in batches, and moves the feed's reset horizon past them. The
 * idempotency ledger is kept, so a very late replay is still recognised rather than re-creating a
 * purged record.
 */
public final class TombstonePurge {
  private static final int BATCH = 1000;

  private final ScopedJdbi ownerJdbi;
  private final AuditLog auditLog;

  public TombstonePurge(Jdbi ownerJdbi, AuditLog auditLog) {
    // Row-level security binds the owner too (FORCE): the purge declares the system scope.
    this.ownerJdbi = new ScopedJdbi(ownerJdbi);
    this.auditLog = auditLog;
  }

  /** Purges every expired tombstone; returns how many records were removed. */
  public long run(TombstonePolicy policy, LongConsumer progress) {
    int days = (int) policy.retention().toDays();
    long total = 0;
    while (true) {
      int removed =
          ownerJdbi.inTransaction(
              RowScope.system(),
              handle -> {
                TombstoneDao dao = handle.attach(TombstoneDao.class);
                List<UUID> ids = dao.lockExpired(days, BATCH);
                if (ids.isEmpty()) {
                  return 0;
                }
                UUID[] batch = ids.toArray(UUID[]::new);
                dao.advanceHorizon(batch);
                dao.deleteFollowUps(batch);
                int conflicts = dao.deleteConflicts(batch);
                int versions = dao.deleteVersions(batch);
                int records = dao.deleteRecords(batch);
                auditLog.append(
                    handle,
                    Actor.system(),
                    "sync.purge_tombstones",
                    "drive_record",
                    null,
                    Map.of(
                        "records",
                        records,
                        "versions",
                        versions,
                        "conflicts",
                        conflicts,
                        "retentionDays",
                        days));
                return records;
              });
      total += removed;
      progress.accept(total);
      if (removed < BATCH) {
        return total;
      }
    }
  }
}
