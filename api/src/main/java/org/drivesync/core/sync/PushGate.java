package org.drivesync.core.sync;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * Lets a bounded number of pushes into the database at once, first come first served. Queueing here
 * rather than in the connection pool keeps connections free for pulls and sign-ins, and bounds the
 * advisory locks pushes hold at once (see {@link org.drivesync.config.SyncConfig}).
 */
final class PushGate {
  private final Semaphore permits;
  private final long timeoutMillis;

  PushGate(int maxConcurrent, long timeoutMillis) {
    this.permits = new Semaphore(maxConcurrent, true);
    this.timeoutMillis = timeoutMillis;
  }

  /** A push's turn; closing it lets the next push in. */
  interface Turn extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits for a turn; throws 503 server_busy when none comes within the time-out. */
  Turn enter() {
    try {
      if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    return permits::release;
  }

  private static ApiException busy() {
    return new ApiException(
        ErrorCode.SERVER_BUSY,
        "Too many pushes at once; retry the same push shortly",
        Map.of(),
        Map.of("Retry-After", "2"));
  }
}
