package org.drivesync.eligibility.i18n;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PO file a translator works on for one ruleset and locale: every text, with the current
 * translation, or the previous translation flagged {@code fuzzy} with its old English ({@code #|})
 * where the English changed, or empty.
 */
public final class BundleExport {
  private BundleExport() {}

  public static byte[] po(SupportedLocale locale, SourceTexts sources, TranslationLookup lookup) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Project-Id-Version", "drivesync guidance " + sources.rulesetVersion());
    headers.put("Language", locale.tag().replace('-', '_'));
    headers.put("MIME-Version", "1.0");
    headers.put("Content-Type", "text/plain; charset=UTF-8");
    headers.put("Content-Transfer-Encoding", "8bit");
    headers.put("Plural-Forms", locale.pluralFormsHeader());
    headers.put("X-Ruleset-Version", sources.rulesetVersion());
    List<PoEntry> entries = new ArrayList<>();
    sources.texts().forEach((key, english) -> entries.add(entry(locale, key, english, lookup)));
    List<String> comments =
        List.of(
            "drivesync guidance and labels, "
                + locale.englishName()
                + " ("
                + locale.tag()
                + "), ruleset "
                + sources.rulesetVersion()
                + ".",
            "Translate msgstr only; keep every {placeholder} exactly. Entries marked fuzzy translate an older",
            "English wording (shown after #|): update them and remove the fuzzy flag. See docs/languages.md.");
    return PoWriter.write(comments, headers, entries);
  }

  private static PoEntry entry(
      SupportedLocale locale, TextKey key, String english, TranslationLookup lookup) {
    var current = lookup.find(locale.tag(), key, english);
    if (current.isPresent()) {
      Translation t = current.get();
      List<String> notes =
          t.state() == TranslationState.REVIEWED
              ? List.of(
                  "state: reviewed by "
                      + t.reviewedBy()
                      + " on "
                      + DateTimeFormatter.ISO_INSTANT.format(t.reviewedAt()))
              : List.of("state: draft");
      return new PoEntry(
          0, List.of(), notes, Set.of(), null, key.toString(), english, null, List.of(t.text()));
    }
    var previous = lookup.fromOtherEnglish(locale.tag(), key, english);
    if (previous.isPresent()) {
      return new PoEntry(
          0,
          List.of(),
          List.of("state: stale (the English changed)"),
          Set.of("fuzzy"),
          previous.get().english(),
          key.toString(),
          english,
          null,
          List.of(previous.get().text()));
    }
    return new PoEntry(
        0,
        List.of(),
        List.of("state: missing"),
        Set.of(),
        null,
        key.toString(),
        english,
        null,
        List.of(""));
  }
}
