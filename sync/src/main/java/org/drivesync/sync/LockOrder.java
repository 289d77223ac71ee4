package org.drivesync.sync;

import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;

/**
 * The one order in which a push locks record rows. Two batches that lock overlapping rows in the
 * same order cannot deadlock; locking in arrival order can.
 *
 * <p>The order is PostgreSQL's order for {@code uuid} (unsigned, byte by byte), not {@link
 * UUID#compareTo}, which compares signed longs and so disagrees for ids whose first hex digit is 8
 * or above. Matching the database means the rows come out the same whether the caller locks them
 * one by one in this order or with {@code ORDER BY id FOR UPDATE}.
 */
public final class LockOrder {
  /** Unsigned, most significant bits first: PostgreSQL's {@code uuid} ordering (pull cursors). */
  public static final Comparator<UUID> UUID_ORDER =
      Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
          .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

  private LockOrder() {}

  /**
   * The advisory-lock keys of a push's records, sorted and distinct: each record id folded to a
   * long (its two halves XORed) and made odd, so a record never shares a key with the service's
   * fixed locks (the audit chain's and the bootstrap's, which are even). A push takes them in this
   * order (PostgreSQL's {@code pg_advisory_xact_lock}), so two pushes never deadlock. Mutation ids
   * are not locked: a mutation id names one record, whose lock already serialises two pushes of it
   * (docs/decisions/0002-push-locking-and-batching.md).
   */
  public static long[] keys(Collection<UUID> recordIds) {
    java.util.TreeSet<Long> keys = new java.util.TreeSet<>();
    recordIds.forEach(id -> keys.add(fold(id) | 1L));
    return keys.stream().mapToLong(Long::longValue).toArray();
  }

  private static long fold(UUID id) {
    return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
  }
}
