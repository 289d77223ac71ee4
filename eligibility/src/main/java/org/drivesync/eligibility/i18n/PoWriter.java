package org.drivesync.eligibility.i18n;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes PO files that {@link PoReader} and the common translators' tools (Poedit, Weblate, msgfmt)
 * read.
 */
public final class PoWriter {
  private PoWriter() {}

  public static byte[] write(
      List<String> fileComments, Map<String, String> headers, List<PoEntry> entries) {
    StringBuilder out = new StringBuilder();
    fileComments.forEach(c -> out.append("# ").append(c).append('\n'));
    StringBuilder header = new StringBuilder();
    headers.forEach((name, value) -> header.append(name).append(": ").append(value).append('\n'));
    out.append("msgid \"\"\n");
    string(out, "msgstr", header.toString());
    for (PoEntry entry : entries) {
      out.append('\n');
      entry.comments().forEach(c -> out.append("# ").append(c).append('\n'));
      entry.extracted().forEach(c -> out.append("#. ").append(c).append('\n'));
      if (!entry.flags().isEmpty()) {
        out.append("#, ")
            .append(String.join(", ", entry.flags().stream().sorted().toList()))
            .append('\n');
      }
      if (entry.previousMsgid() != null) {
        out.append("#| msgid ").append(quote(entry.previousMsgid())).append('\n');
      }
      if (entry.context() != null) {
        out.append("msgctxt ").append(quote(entry.context())).append('\n');
      }
      string(out, "msgid", entry.msgid());
      if (entry.msgidPlural() == null) {
        string(out, "msgstr", entry.translation());
      } else {
        string(out, "msgid_plural", entry.msgidPlural());
        for (int i = 0; i < entry.msgstr().size(); i++) {
          string(out, "msgstr[" + i + "]", entry.msgstr().get(i));
        }
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A keyword and its string; text with line breaks is split after each, as gettext tools do. */
  private static void string(StringBuilder out, String keyword, String value) {
    int firstBreak = value.indexOf('\n');
    if (firstBreak < 0 || firstBreak == value.length() - 1) {
      out.append(keyword).append(' ').append(quote(value)).append('\n');
      return;
    }
    out.append(keyword).append(" \"\"\n");
    int start = 0;
    while (start < value.length()) {
      int end = value.indexOf('\n', start);
      end = end < 0 ? value.length() : end + 1;
      out.append(quote(value.substring(start, end))).append('\n');
      start = end;
    }
  }

  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
