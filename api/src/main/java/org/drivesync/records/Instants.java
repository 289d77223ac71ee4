package org.drivesync.records;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Every instant drivesync reads from a client, parsed once and normalised to the precision
 * PostgreSQL's {@code timestamptz} keeps: microseconds, digits beyond them dropped (not rounded).
 * Normalising here, before anything compares or stores the value, is what makes a push result
 * exactly what a later pull delivers, and keeps a device's next edit from that base free of a
 * spurious recordedAt change (docs/sync-protocol.md, "Timestamps").
 *
 * <p>It is {@link Instant#parse} with a fast path for the one form drivesync stores and devices
 * send, {@code 2026-03-14T18:22:05Z} with an optional fraction: the formatter-based parse cost a
 * fifth of a push's merge step (docs/performance.md). Anything else, valid or not, goes to {@link
 * Instant#parse}, so results and errors are exactly its own.
 */
public final class Instants {
  /** The precision of every stored and echoed instant. */
  public static final ChronoUnit PRECISION = ChronoUnit.MICROS;

  private Instants() {}

  public static Instant parse(String text) {
    Instant fast = canonical(text);
    return (fast != null ? fast : Instant.parse(text)).truncatedTo(PRECISION);
  }

  private static Instant canonical(String s) {
    int n = s.length();
    if (n < 20
        || n == 21
        || n > 30
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(n - 1) != 'Z'
        || (n > 20 && s.charAt(19) != '.')) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int nanos = 0;
    if (n > 20) {
      int fraction = digits(s, 20, n - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = n - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
    }
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // Let Instant.parse decide (leap seconds, 24:00, or a plain error).
    }
  }

  /** The decimal value of s[from, to), or -1 if any character is not an ASCII digit. */
  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
