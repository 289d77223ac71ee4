package org.drivesync.sync;

import java.util.Optional;

/**
 * The largest push batch the server accepts. The limits keep one push inside one short transaction;
 * a device with more queued simply sends several batches.
 *
 * @param maxMutations the most mutations in one batch (inclusive)
 * @param maxBytes the largest request body in bytes (inclusive)
 */
public record PushLimits(int maxMutations, long maxBytes) {
  /** 500 mutations, 1 MiB. */
  public static final PushLimits DEFAULTS = new PushLimits(500, 1_048_576L);

  public PushLimits {
    if (maxMutations < 1 || maxBytes < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: " + maxMutations + " mutations, " + maxBytes + " bytes");
    }
  }

  /**
   * The first limit the batch exceeds, or empty if it fits. Bytes are checked first because the
   * body size is known before the body is parsed, so an oversized batch is reported the same way
   * whether or not the caller has counted its mutations yet.
   */
  public Optional<PushLimitViolation> check(int mutationCount, long bodyBytes) {
    Optional<PushLimitViolation> bytes = checkBytes(bodyBytes);
    return bytes.isPresent() ? bytes : checkMutations(mutationCount);
  }

  /** The byte-limit violation, if any; usable before the body is parsed. */
  public Optional<PushLimitViolation> checkBytes(long bodyBytes) {
    requireNonNegative(bodyBytes, "bodyBytes");
    return bodyBytes > maxBytes
        ? Optional.of(new PushLimitViolation(PushLimitViolation.Limit.BYTES, bodyBytes, maxBytes))
        : Optional.empty();
  }

  /** The mutation-count violation, if any. */
  public Optional<PushLimitViolation> checkMutations(int mutationCount) {
    requireNonNegative(mutationCount, "mutationCount");
    return mutationCount > maxMutations
        ? Optional.of(
            new PushLimitViolation(PushLimitViolation.Limit.MUTATIONS, mutationCount, maxMutations))
        : Optional.empty();
  }

  private static void requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
