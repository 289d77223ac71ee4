package org.drivesync.eligibility.i18n;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict reader of gettext PO files (the subset translators' tools write: comments, flags, {@code
 * #|} previous source, {@code msgctxt}, {@code msgid}, {@code msgid_plural}, {@code msgstr[n]},
 * continued strings). Anything else is refused with its line number rather than guessed at: a
 * translation shown to a voter must be exactly what the translator wrote. No library on Maven
 * Central reads PO and is still maintained, hence this file.
 */
public final class PoReader {
  private PoReader() {}

  /** Parses UTF-8 PO bytes; throws {@link PoSyntaxException} on the first problem. */
  public static PoFile read(byte[] bytes) {
    String text = decode(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\n", -1);
    Parser parser = new Parser();
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      parser.line(i + 1, line);
    }
    parser.finish(lines.length);
    return parser.file();
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PoSyntaxException(1, "the file is not UTF-8");
    }
  }

  /** Reads one quoted PO string: {@code "..."} with the escapes \\ \" \n \t \r only. */
  static String unquote(int line, String token) {
    String s = token.strip();
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      throw new PoSyntaxException(line, "expected a string in double quotes");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '"') {
        throw new PoSyntaxException(line, "unescaped double quote inside a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 >= s.length() - 1) {
        throw new PoSyntaxException(line, "string ends with a lone backslash");
      }
      char next = s.charAt(++i);
      switch (next) {
        case '\\' -> out.append('\\');
        case '"' -> out.append('"');
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        default -> throw new PoSyntaxException(line, "unsupported escape \\" + next);
      }
    }
    return out.toString();
  }

  private static final class Parser {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<PoEntry> entries = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private boolean headerSeen;
    private Builder current = new Builder();

    void line(int number, String line) {
      if (line.isBlank()) {
        finish(number);
        return;
      }
      if (line.startsWith("#")) {
        comment(number, line);
      } else if (line.startsWith("\"")) {
        current.continueString(number, unquote(number, line));
      } else {
        keyword(number, line);
      }
    }

    private void comment(int number, String line) {
      if (current.hasKeywords()) {
        finish(number);
      }
      current.start(number);
      String body = line.length() > 2 ? line.substring(2) : "";
      char kind = line.length() > 1 ? line.charAt(1) : ' ';
      switch (kind) {
        case '~', ':' -> {} // obsolete entries and source references carry nothing drivesync reads
        case ',' -> {
          for (String flag : body.split(",")) {
            if (!flag.isBlank()) {
              current.flags.add(flag.strip());
            }
          }
        }
        case '.' -> current.extracted.add(body.strip());
        case '|' -> current.previous(number, body.strip());
        case ' ' -> current.comments.add(line.length() > 1 ? line.substring(2) : "");
        default -> throw new PoSyntaxException(number, "unknown comment kind #" + kind);
      }
    }

    private void keyword(int number, String line) {
      int space = line.indexOf(' ');
      if (space < 0) {
        throw new PoSyntaxException(number, "expected a keyword and a string");
      }
      String keyword = line.substring(0, space);
      String value = unquote(number, line.substring(space + 1));
      if ((keyword.equals("msgctxt") || keyword.equals("msgid")) && current.complete()) {
        finish(number);
      }
      current.start(number);
      current.keyword(number, keyword, value);
    }

    void finish(int number) {
      if (current.isEmpty()) {
        return;
      }
      PoEntry entry = current.build(number);
      current = new Builder();
      if (entry.isHeader()) {
        if (headerSeen || !entries.isEmpty()) {
          throw new PoSyntaxException(
              entry.line(), "the header entry (msgid \"\") must come first, once");
        }
        headerSeen = true;
        parseHeader(entry);
        return;
      }
      String key = entry.context() + "\u0004" + entry.msgid();
      if (!seen.add(key)) {
        throw new PoSyntaxException(
            entry.line(), "duplicate entry for msgctxt \"" + entry.context() + "\"");
      }
      entries.add(entry);
    }

    private void parseHeader(PoEntry header) {
      for (String field : header.translation().split("\n")) {
        if (field.isBlank()) {
          continue;
        }
        int colon = field.indexOf(':');
        if (colon <= 0) {
          throw new PoSyntaxException(header.line(), "header field without a name: " + field);
        }
        headers.put(field.substring(0, colon).strip(), field.substring(colon + 1).strip());
      }
    }

    PoFile file() {
      return new PoFile(headers, entries);
    }
  }

  /** One entry being read; keywords must come in order msgctxt, msgid, msgid_plural, msgstr. */
  private static final class Builder {
    private int startLine;
    private final List<String> comments = new ArrayList<>();
    private final List<String> extracted = new ArrayList<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private String previousMsgid;
    private boolean previousOpen;
    private String context;
    private String msgid;
    private String msgidPlural;
    private final List<String> msgstr = new ArrayList<>();
    private boolean plural;
    private String last; // the field a continuation line extends

    void start(int number) {
      if (startLine == 0) {
        startLine = number;
      }
    }

    boolean isEmpty() {
      return startLine == 0;
    }

    boolean hasKeywords() {
      return context != null || msgid != null;
    }

    boolean complete() {
      return msgid != null && !msgstr.isEmpty();
    }

    void previous(int number, String body) {
      if (body.startsWith("msgctxt ")) {
        previousOpen = false; // the previous context is not needed: drivesync contexts never change
      } else if (body.startsWith("msgid ")) {
        previousMsgid = unquote(number, body.substring(6));
        previousOpen = true;
      } else if (body.startsWith("\"") && previousOpen) {
        previousMsgid += unquote(number, body);
      } else if (!body.startsWith("msgid_plural ")) {
        throw new PoSyntaxException(number, "unreadable #| line");
      }
    }

    void keyword(int number, String keyword, String value) {
      switch (keyword) {
        case "msgctxt" -> {
          if (context != null || msgid != null) {
            throw new PoSyntaxException(number, "msgctxt must come once, before msgid");
          }
          context = value;
          last = "msgctxt";
        }
        case "msgid" -> {
          if (msgid != null) {
            throw new PoSyntaxException(number, "msgid without msgstr before it");
          }
          msgid = value;
          last = "msgid";
        }
        case "msgid_plural" -> {
          if (msgid == null || msgidPlural != null || !msgstr.isEmpty()) {
            throw new PoSyntaxException(number, "msgid_plural must follow msgid, once");
          }
          msgidPlural = value;
          plural = true;
          last = "msgid_plural";
        }
        case "msgstr" -> {
          if (msgid == null || plural || !msgstr.isEmpty()) {
            throw new PoSyntaxException(
                number,
                plural ? "a plural entry needs msgstr[0], msgstr[1], ..." : "msgstr without msgid");
          }
          msgstr.add(value);
          last = "msgstr";
        }
        default -> pluralForm(number, keyword, value);
      }
    }

    private void pluralForm(int number, String keyword, String value) {
      if (!keyword.matches("msgstr\\[\\d{1,2}]")) {
        throw new PoSyntaxException(number, "unknown keyword " + keyword);
      }
      if (!plural) {
        throw new PoSyntaxException(number, keyword + " without msgid_plural");
      }
      int index = Integer.parseInt(keyword.substring(7, keyword.length() - 1));
      if (index != msgstr.size()) {
        throw new PoSyntaxException(
            number, "expected msgstr[" + msgstr.size() + "], found " + keyword);
      }
      msgstr.add(value);
      last = "msgstr";
    }

    void continueString(int number, String value) {
      if (last == null) {
        throw new PoSyntaxException(number, "a continued string must follow a keyword");
      }
      switch (last) {
        case "msgctxt" -> context += value;
        case "msgid" -> msgid += value;
        case "msgid_plural" -> msgidPlural += value;
        default -> msgstr.set(msgstr.size() - 1, msgstr.get(msgstr.size() - 1) + value);
      }
    }

    PoEntry build(int number) {
      if (msgid == null) {
        throw new PoSyntaxException(startLine, "comments or msgctxt not followed by msgid");
      }
      if (msgstr.isEmpty()) {
        throw new PoSyntaxException(startLine, "entry without msgstr");
      }
      return new PoEntry(
          startLine,
          comments,
          extracted,
          flags,
          previousMsgid,
          context,
          msgid,
          msgidPlural,
          msgstr);
    }
  }
}
