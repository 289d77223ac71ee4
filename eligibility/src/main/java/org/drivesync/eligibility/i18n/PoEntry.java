package org.drivesync.eligibility.i18n;

import java.util.List;
import java.util.Set;

/**
 * One gettext PO entry.
 *
 * @param line line number of its first line in the file (1-based), for error messages; 0 when built
 * @param comments translator comments ({@code # ...}), without the marker
 * @param extracted extracted comments ({@code #. ...}): notes for translators written by drivesync
 * @param flags {@code #,} flags such as {@code fuzzy}
 * @param previousMsgid {@code #| msgid}: the source text a fuzzy translation was made from, or null
 * @param context {@code msgctxt}, or null (only the header has none in drivesync files)
 * @param msgid the source (English) text
 * @param msgidPlural {@code msgid_plural}, or null
 * @param msgstr one translation, or one per plural form ({@code msgstr[n]})
 */
public record PoEntry(
    int line,
    List<String> comments,
    List<String> extracted,
    Set<String> flags,
    String previousMsgid,
    String context,
    String msgid,
    String msgidPlural,
    List<String> msgstr) {

  public PoEntry {
    comments = List.copyOf(comments);
    extracted = List.copyOf(extracted);
    flags = Set.copyOf(flags);
    msgstr = List.copyOf(msgstr);
  }

  /** A plain singular entry. */
  public static PoEntry of(String context, String msgid, String msgstr) {
    return new PoEntry(
        0, List.of(), List.of(), Set.of(), null, context, msgid, null, List.of(msgstr));
  }

  public boolean fuzzy() {
    return flags.contains("fuzzy");
  }

  public boolean isHeader() {
    return context == null && msgid.isEmpty();
  }

  /** The singular translation; empty when untranslated. */
  public String translation() {
    return msgstr.isEmpty() ? "" : msgstr.get(0);
  }
}
