package org.drivesync.sync;

import java.util.Objects;

/**
 * Makes pushes idempotent: devices retry batches after flaky connections, so the same mutation id
 * may arrive many times and must take effect once.
 */
public final class ReplayCheck {
  /** The error code for a mutation id that was already used for different content. */
  public static final String MUTATION_ID_REUSED = "mutation_id_reused";

  private ReplayCheck() {}

  /**
   * Classifies a mutation by its id's stored fingerprint.
   *
   * @param storedFingerprint the fingerprint recorded under this mutation id, or null if the id has
   *     never been seen
   * @param incomingFingerprint the fingerprint of the mutation just received (see {@link
   *     MutationFingerprint})
   */
  public static ReplayDecision classify(String storedFingerprint, String incomingFingerprint) {
    Objects.requireNonNull(incomingFingerprint, "incomingFingerprint");
    if (storedFingerprint == null) {
      return ReplayDecision.NEW;
    }
    return storedFingerprint.equals(incomingFingerprint)
        ? ReplayDecision.REPLAY
        : ReplayDecision.REUSED;
  }
}
