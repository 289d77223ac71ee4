package org.drivesync.core.metrics;

/**
 * Small-number disclosure control for organisers (docs/metrics.md, "Small numbers"): a count of 1
 * to 4 is published as {@code "<5"}, zero as 0, and every other count — cells and totals alike —
 * rounded to the nearest multiple of 5. Rounding the published cells as well as the totals is what
 * stops a suppressed cell being worked out by subtraction, within one answer or across several:
 * every figure it could be subtracted from carries up to ±2 of rounding.
 */
public final class SmallNumbers {
  /** What a count of 1 to 4 becomes. */
  public static final String SUPPRESSED = "<5";

  static final int THRESHOLD = 5;
  static final int BASE = 5;

  private SmallNumbers() {}

  /** The count as an organiser sees it: a number, or {@link #SUPPRESSED}. */
  public static Object publish(long count) {
    Long value = publishedValue(count);
    return value == null ? SUPPRESSED : value;
  }

  /** The published number, or null when the count is suppressed. Halves round up: 7→5, 8→10. */
  static Long publishedValue(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("a count cannot be negative: " + count);
    }
    if (count == 0) {
      return 0L;
    }
    if (count < THRESHOLD) {
      return null;
    }
    return (count + BASE / 2) / BASE * BASE;
  }
}
