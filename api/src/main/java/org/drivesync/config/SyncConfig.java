package org.drivesync.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The push path's concurrency (docs/performance.md, docs/scaling.md). */
public class SyncConfig {
  /**
   * Pushes applied at once by this instance; the rest wait their turn in order. Each push holds up
   * to 500 advisory locks until it commits, and PostgreSQL's shared lock table is finite
   * (max_locks_per_transaction × max_connections), so unbounded concurrency fails with "out of
   * shared memory"; on two cores, more than a few concurrent pushes also only add contention.
   */
  @JsonProperty
  @Min(1)
  public int maxConcurrentPushes = 4;

  /** How long a push may wait for its turn before it is answered 503 server_busy (retry). */
  @JsonProperty @NotNull public Duration pushQueueTimeout = Duration.seconds(30);

  /**
   * How long after a drive closes, or a participant is unassigned from it or loses its region, a
   * record they captured before that is still applied (flagged {@code late}) rather than kept in
   * quarantine: phones sync when they get a signal (docs/sync-protocol.md, "Late records").
   */
  @JsonProperty @NotNull public Duration lateGracePeriod = Duration.days(30);
}
