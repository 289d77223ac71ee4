package org.drivesync.core.sync;

import java.time.Instant;
import java.util.Arrays;

/**
 * JSON that PostgreSQL wrote, turned into the bytes Jackson writes for the same value, so that the
 * pull can pass it through instead of parsing and serialising it again ({@code FeedDao}).
 *
 * <p>PostgreSQL's text of a jsonb value differs from Jackson's in three ways only: a space after
 * each ',' and ':' between tokens; lower-case hex digits in the {@code \}{@code u00xx} escapes of
 * control characters (both escape the same characters, and the same ones by name: \b \f \n \r \t);
 * and characters beyond the BMP, which PostgreSQL writes as they are and Jackson's UTF-8 generator
 * as two escaped UTF-16 surrogates. Strings, integers, true, false and null are otherwise written
 * alike. A number with a fraction or an exponent is not: Jackson reads it as a double and writes it
 * its own way (1.50 becomes 1.5), so such text is refused and the caller builds the value the old
 * way.
 *
 * <p>Instants are written by Java, not by PostgreSQL, whose text of a timestamp drops trailing
 * zeros and is slower to make: the SQL writes {@code @} and the instant's microseconds since the
 * epoch where the string belongs ({@code @} never occurs outside a JSON string), and this writes
 * {@link Instant#toString}, as Jackson does.
 */
final class FeedJson {
  private FeedJson() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Jackson's compact text of the JSON {@code text}, or null if it holds a non-integer number. */
  static String compact(String text) {
    Out out = new Out(text.length());
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (c == '"') {
        i = string(text, i, out);
      } else if (c == '@') {
        i = instant(text, i + 1, out);
      } else if (c == '.' || c == 'E' || (c == 'e' && out.endsWithDigit())) {
        // A fraction or an exponent ('e' outside strings otherwise ends true or false).
        return null;
      } else {
        if (c != ' ') {
          out.put(c);
        }
        i++;
      }
    }
    return out.toString();
  }

  /** Copies the string that opens at {@code start}; returns the index after its closing quote. */
  private static int string(String text, int start, Out out) {
    int run = start;
    int i = start + 1;
    while (true) {
      char c = text.charAt(i);
      if (c == '"') {
        out.put(text, run, i + 1);
        return i + 1;
      } else if (c == '\\') {
        if (text.charAt(i + 1) == 'u') {
          out.put(text, run, i + 2);
          for (int k = i + 2; k < i + 6; k++) {
            out.put(Character.toUpperCase(text.charAt(k)));
          }
          i += 6;
          run = i;
        } else {
          i += 2;
        }
      } else if (Character.isSurrogate(c)) {
        out.put(text, run, i);
        out.put('\\');
        out.put('u');
        for (int shift = 12; shift >= 0; shift -= 4) {
          out.put(HEX[(c >> shift) & 0xF]);
        }
        i++;
        run = i;
      } else {
        i++;
      }
    }
  }

  /** Writes the instant whose microseconds start at {@code start}; returns the index after them. */
  private static int instant(String text, int start, Out out) {
    int i = start;
    if (text.charAt(i) == '-') {
      i++;
    }
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    long micros = Long.parseLong(text, start, i, 10);
    String instant =
        Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
            .toString();
    out.put('"');
    out.put(instant, 0, instant.length());
    out.put('"');
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A growable char buffer: most text only shrinks, instants and escapes make it grow. */
  private static final class Out {
    private char[] chars;
    private int n;

    Out(int capacity) {
      chars = new char[capacity + 64];
    }

    void put(char c) {
      if (n == chars.length) {
        chars = Arrays.copyOf(chars, chars.length * 2);
      }
      chars[n++] = c;
    }

    void put(String s, int from, int to) {
      int count = to - from;
      if (n + count > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, n + count));
      }
      s.getChars(from, to, chars, n);
      n += count;
    }

    boolean endsWithDigit() {
      return n > 0 && isDigit(chars[n - 1]);
    }

    @Override
    public String toString() {
      return new String(chars, 0, n);
    }
  }
}
