package org.drivesync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long deletions are kept as tombstones so offline devices can still learn of them, and what
 * happens to a device that stayed away longer.
 *
 * <p>Once tombstones are purged, a device whose cursor predates the purge would never hear of those
 * deletions and would keep (and re-push) deleted records, so it must discard its cursor and pull
 * from {@link PullCursor#START}.
 *
 * @param retention how long a tombstone is kept after the delete
 */
public record TombstonePolicy(Duration retention) {
  /** Six months: longer than any drive season a phone might sit in a drawer. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);

  /** The policy with {@link #DEFAULT_RETENTION}. */
  public static final TombstonePolicy DEFAULT = new TombstonePolicy(DEFAULT_RETENTION);

  /** The error code telling a device its cursor is too old and it must pull from the start. */
  public static final String CURSOR_EXPIRED = "cursor_expired";

  public TombstonePolicy {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
  }

  /** Tombstones written strictly before this instant may be purged. */
  public Instant purgeCutoff(Instant now) {
    return Objects.requireNonNull(now, "now").minus(retention);
  }

  /**
   * True when a device must drop {@code cursor} and pull from {@link PullCursor#START}, because
   * tombstones it has not yet seen may have been purged.
   *
   * @param purgedThroughXid the highest xid of any purged tombstone, or 0 if none ever was
   */
  public static boolean requiresFullResync(PullCursor cursor, long purgedThroughXid) {
    Objects.requireNonNull(cursor, "cursor");
    // A cursor at the purged xid itself may stand part-way through that transaction's rows, so
    // it too may have missed a purged tombstone. START needs nothing: it will pull everything.
    return purgedThroughXid > 0
        && !cursor.equals(PullCursor.START)
        && cursor.xid() <= purgedThroughXid;
  }
}
