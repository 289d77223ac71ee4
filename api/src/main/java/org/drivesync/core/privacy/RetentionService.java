package org.drivesync.core.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.drivesync.audit.Actor;
import org.drivesync.audit.AuditLog;
import org.drivesync.db.FollowUpDao;
import org.drivesync.db.RowScope;
import org.drivesync.db.ScopedJdbi;
import org.jdbi.v3.core.Jdbi;

/**
 * Erases follow-up contacts that are done or older than the retention period. One transaction per
 * run, in batches, ending with one audit event of counts only; the anonymous outcomes stay.
 */
public final class RetentionService {
  /** What one run erased. */
  public record Run(Instant cutoff, int retentionDays, int erasedDone, int erasedExpired) {
    public int erased() {
      return erasedDone + erasedExpired;
    }
  }

  static final int BATCH = 500;

  private final ScopedJdbi jdbi;
  private final AuditLog auditLog;
  private final Clock clock;

  public RetentionService(Jdbi jdbi, AuditLog auditLog, Clock clock) {
    this.jdbi = new ScopedJdbi(jdbi);
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /**
   * @param trigger {@code job} or {@code cli}, kept in the audit event
   * @param progress told the running total after each batch
   */
  public Run run(int retentionDays, String trigger, LongConsumer progress) {
    Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
    return jdbi.inTransaction(
        RowScope.system(),
        handle -> {
          FollowUpDao dao = handle.attach(FollowUpDao.class);
          int done = 0;
          int expired = 0;
          List<String> reasons;
          do {
            reasons = dao.eraseExpired(cutoff, BATCH);
            for (String reason : reasons) {
              if ("done".equals(reason)) {
                done++;
              } else {
                expired++;
              }
            }
            progress.accept(done + expired);
          } while (reasons.size() == BATCH);
          Run run = new Run(cutoff, retentionDays, done, expired);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("trigger", trigger);
          details.put("retentionDays", retentionDays);
          details.put("erasedDone", done);
          details.put("erasedExpired", expired);
          auditLog.append(handle, Actor.system(), "privacy.retention", "follow_up", null, details);
          return run;
        });
  }
}
