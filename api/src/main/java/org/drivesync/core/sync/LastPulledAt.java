package org.drivesync.core.sync;

import org.drivesync.errors.ApiException;

/**
 * The {@code last_pulled_at} of the WatermelonDB profile: a feed horizon this server handed out as
 * a pull's {@code timestamp}. The library keeps it as text and reads it back with {@code parseInt},
 * so it must stay a plain integer of at most 2^53 - 1.
 */
final class LastPulledAt {
  /** The largest integer a JavaScript number holds exactly. */
  static final long MAX = (1L << 53) - 1;

  private LastPulledAt() {}

  /**
   * The position, or null before the first sync: absent, empty, {@code null} and {@code 0} all mean
   * "never pulled" (the library sends nothing or null, the example in its documentation "null").
   */
  static Long optional(String text) {
    if (text == null || text.isEmpty() || text.equals("null") || text.equals("0")) {
      return null;
    }
    return parse(text);
  }

  /** The position a push is based on; a push always follows a pull, so it is required. */
  static long required(String text) {
    Long value = optional(text);
    if (value == null) {
      throw ApiException.invalid("last_pulled_at", "the timestamp of the pull this push follows");
    }
    return value;
  }

  private static long parse(String text) {
    if (text.length() > 16 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiException.invalid("last_pulled_at", "a timestamp from a pull (a positive integer)");
    }
    long value = Long.parseLong(text);
    if (value > MAX) {
      throw ApiException.invalid("last_pulled_at", "a timestamp from a pull (at most 2^53 - 1)");
    }
    return value;
  }
}
