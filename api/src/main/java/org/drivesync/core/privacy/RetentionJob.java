package org.drivesync.core.privacy;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.drivesync.config.RetentionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retention every {@code interval}, the first time one interval after start. A failed run is
 * logged (never with personal data: the erasing SQL carries none) and retried at the next one.
 */
public final class RetentionJob implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final RetentionService retention;
  private final SyncLedgerRetention ledgers;
  private final RetentionConfig config;
  private final ScheduledExecutorService executor;

  public RetentionJob(
      RetentionService retention,
      SyncLedgerRetention ledgers,
      RetentionConfig config,
      ScheduledExecutorService executor) {
    this.retention = retention;
    this.ledgers = ledgers;
    this.config = config;
    this.executor = executor;
  }

  @Override
  public void start() {
    long every = config.interval.toMilliseconds();
    executor.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
  }

  void runOnce() {
    try {
      RetentionService.Run run = retention.run(config.contactDays, "job", count -> {});
      if (run.erased() > 0) {
        LOG.info(
            "Retention erased {} follow-up contact(s): {} done, {} older than {} days",
            run.erased(),
            run.erasedDone(),
            run.erasedExpired(),
            run.retentionDays());
      }
      SyncLedgerRetention.Run sync = ledgers.run(config.quarantineDays, config.ledgerDays, "job");
      if (sync.quarantined() + sync.ledger() > 0) {
        LOG.info(
            "Retention deleted {} quarantined mutation(s) and {} ledger row(s)",
            sync.quarantined(),
            sync.ledger());
      }
    } catch (RuntimeException e) {
      // Catching keeps the schedule alive; the next run tries again.
      LOG.error("Retention run failed; retrying in {}", config.interval, e);
    }
  }
}
