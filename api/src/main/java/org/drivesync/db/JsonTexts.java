package org.drivesync.db;

/**
 * A column of JSON texts bound as one string, for {@code string_to_array(:texts, E'\x1e', E'\x1f')}
 * in SQL. Each text is followed by the next after U+001E (record separator), and a null is U+001F
 * (unit separator) alone. JSON text never holds either raw — a control character is escaped inside
 * a JSON string and allowed nowhere else — so PostgreSQL splits the string back exactly. As a
 * {@code text[]} the same texts would be quoted and backslash-escaped character by character by the
 * driver and unescaped again by PostgreSQL: for a push's ledger answers, versions and guidance
 * (about 1.5 KB of JSON per record, full of quotes) that was the largest part of binding a push.
 */
public final class JsonTexts {
  private static final char SEPARATOR = '\u001e';
  private static final String NULL = "\u001f";

  private JsonTexts() {}

  /** The texts joined; an empty text or one holding either control character is refused. */
  public static String join(String[] texts) {
    int length = 0;
    for (String text : texts) {
      length += (text == null ? 1 : text.length()) + 1;
    }
    StringBuilder joined = new StringBuilder(length);
    for (int i = 0; i < texts.length; i++) {
      if (i > 0) {
        joined.append(SEPARATOR);
      }
      String text = texts[i];
      if (text == null) {
        joined.append(NULL);
      } else if (text.isEmpty()
          || text.indexOf(SEPARATOR) >= 0
          || text.indexOf(NULL.charAt(0)) >= 0) {
        throw new IllegalArgumentException("not JSON text: empty, or a raw U+001E or U+001F");
      } else {
        joined.append(text);
      }
    }
    return joined.toString();
  }
}
