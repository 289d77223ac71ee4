package org.drivesync.core.sync;

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
 */
final class FeedJson {
  private FeedJson() {}

  /** Jackson's compact text of the JSON {@code text}, or null if it holds a non-integer number. */
  static String compact(String text) {
    int length = text.length();
    char[] out = new char[length];
    int n = 0;
    boolean inString = false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (inString) {
        if (Character.isSurrogate(c)) {
          // Jackson writes a character beyond the BMP as its two UTF-16 escapes.
          if (out.length - n < 6 * (length - i)) {
            out = java.util.Arrays.copyOf(out, n + 6 * (length - i));
          }
          out[n++] = '\\';
          out[n++] = 'u';
          for (int shift = 12; shift >= 0; shift -= 4) {
            out[n++] = HEX[(c >> shift) & 0xF];
          }
          continue;
        }
        out[n++] = c;
        if (c == '"') {
          inString = false;
        } else if (c == '\\') {
          char escaped = text.charAt(++i);
          out[n++] = escaped;
          if (escaped == 'u') {
            for (int end = i + 4; i < end; ) {
              out[n++] = Character.toUpperCase(text.charAt(++i));
            }
          }
        }
      } else if (c == '"') {
        inString = true;
        out[n++] = c;
      } else if (c == '.' || c == 'E' || (c == 'e' && n > 0 && isDigit(out[n - 1]))) {
        // A fraction or an exponent ('e' outside strings otherwise ends true or false).
        return null;
      } else if (c != ' ') {
        out[n++] = c;
      }
    }
    return new String(out, 0, n);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
