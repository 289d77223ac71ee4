package org.drivesync.sync;

import java.util.Objects;

/**
 * A push batch that exceeds one of the {@link PushLimits}.
 *
 * @param limit which limit was exceeded
 * @param actual the batch's size in that limit's unit
 * @param allowed the most that limit allows
 */
public record PushLimitViolation(Limit limit, long actual, long allowed) {
  public PushLimitViolation {
    Objects.requireNonNull(limit, "limit");
  }

  /** The limits a push batch is held to. */
  public enum Limit {
    /** The number of mutations in one batch. */
    MUTATIONS("mutations"),
    /** The size of the request body in bytes. */
    BYTES("bytes");

    private final String wireName;

    Limit(String wireName) {
      this.wireName = wireName;
    }

    /** The name used in the JSON protocol. */
    public String wireName() {
      return wireName;
    }
  }
}
