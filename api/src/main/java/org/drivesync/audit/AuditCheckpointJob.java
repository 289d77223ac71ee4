package org.drivesync.audit;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seals a legacy chain at start, then signs a checkpoint at start and every interval. */
public final class AuditCheckpointJob implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpointJob.class);

  private final AuditCheckpoints checkpoints;
  private final long intervalMillis;
  private final ScheduledExecutorService executor;

  public AuditCheckpointJob(
      AuditCheckpoints checkpoints, long intervalMillis, ScheduledExecutorService executor) {
    this.checkpoints = checkpoints;
    this.intervalMillis = intervalMillis;
    this.executor = executor;
  }

  @Override
  public void start() {
    checkpoints.take();
    if (intervalMillis > 0) {
      executor.scheduleWithFixedDelay(
          this::takeQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void takeQuietly() {
    try {
      checkpoints.take();
    } catch (RuntimeException e) {
      // A missed checkpoint only widens the window until the next one; keep the schedule alive.
      LOG.error("audit checkpoint failed", e);
    }
  }
}
