package org.drivesync.sync;

/** What to do with a mutation id the server may have seen before. */
public enum ReplayDecision {
  /** Never seen: process it. */
  NEW,
  /** Seen with identical content (a retried push): return the stored result, change nothing. */
  REPLAY,
  /** Seen with different content: reject with {@link ReplayCheck#MUTATION_ID_REUSED}. */
  REUSED
}
