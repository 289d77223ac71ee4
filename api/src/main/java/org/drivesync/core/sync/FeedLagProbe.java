package org.drivesync.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.drivesync.db.FeedDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the pull feed's horizon trails the commits: a change becomes visible only once every
 * older transaction in the cluster has finished (docs/sync-protocol.md, "Pull"). Each sample notes
 * the snapshot's {@code xmax} (one past the newest completed transaction: every commit before the
 * sample is below it) and when; the lag is the age of the oldest sample whose commits the horizon
 * ({@code xmin}) has not yet passed. So it is zero while nothing committed is held back, however
 * old the oldest open transaction, exact to the sampling period, and needs no rights beyond the
 * app's.
 */
public final class FeedLagProbe implements SyncMetrics.FeedLag, Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedLagProbe.class);

  private record Sample(long xmax, Instant at) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Deque<Sample> pending = new ArrayDeque<>();
  private volatile double seconds;

  public FeedLagProbe(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Takes one sample; scheduled every second by the application. */
  @Override
  public void run() {
    try {
      FeedDao.Snapshot snapshot = jdbi.withExtension(FeedDao.class, FeedDao::snapshot);
      Instant now = clock.instant();
      synchronized (pending) {
        pending.addLast(new Sample(snapshot.xmax(), now));
        while (!pending.isEmpty() && pending.peekFirst().xmax() <= snapshot.xmin()) {
          pending.removeFirst();
        }
        seconds =
            pending.isEmpty()
                ? 0.0
                : Duration.between(pending.peekFirst().at(), now).toMillis() / 1000.0;
      }
    } catch (RuntimeException e) {
      LOG.debug("feed lag not sampled", e);
    }
  }

  @Override
  public double seconds() {
    return seconds;
  }
}
