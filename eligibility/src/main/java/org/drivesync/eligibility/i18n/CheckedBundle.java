package org.drivesync.eligibility.i18n;

import java.util.ArrayList;
import java.util.List;

/**
 * A PO file checked against the English it claims to translate.
 *
 * @param texts the usable translations (not fuzzy, not empty, no problem)
 * @param fuzzy entries flagged fuzzy, skipped: gettext's "needs work"
 * @param untranslated entries with an empty msgstr, skipped
 * @param problems everything refused; an import with any problem is refused whole
 */
public record CheckedBundle(
    List<Text> texts, int fuzzy, int untranslated, List<BundleProblem> problems) {
  /** One translation and the English wording it translates. */
  public record Text(TextKey key, String english, String text) {}

  public CheckedBundle {
    texts = List.copyOf(texts);
    problems = List.copyOf(problems);
  }

  /**
   * Checks {@code po} as a bundle for {@code locale}. With {@code strict} (an import), every entry
   * must translate the current English of a known text of this ruleset; without it (the project's
   * own files, read at start-up), entries made from an older English wording are kept, as
   * translations of that wording, so they show as stale. Placeholders are always checked against
   * the English the entry translates, and plural forms against the locale.
   */
  public static CheckedBundle check(
      PoFile po, SupportedLocale locale, SourceTexts sources, boolean strict) {
    List<BundleProblem> problems = new ArrayList<>();
    List<Text> texts = new ArrayList<>();
    int fuzzy = 0;
    int untranslated = 0;
    String language = po.header("Language").orElse("");
    if (SupportedLocales.byTag(language).filter(l -> l.equals(locale)).isEmpty()) {
      problems.add(
          new BundleProblem(
              1,
              null,
              BundleProblem.LOCALE,
              "the Language header is \"" + language + "\", not " + locale.tag()));
    }
    po.header("X-Ruleset-Version")
        .filter(v -> strict && !v.equals(sources.rulesetVersion()))
        .ifPresent(
            v ->
                problems.add(
                    new BundleProblem(
                        1,
                        null,
                        BundleProblem.SOURCE,
                        "the file translates ruleset " + v + ", not " + sources.rulesetVersion())));
    po.header("Plural-Forms")
        .map(PluralForms::count)
        .filter(n -> n != locale.pluralCount())
        .ifPresent(
            n ->
                problems.add(
                    new BundleProblem(
                        1,
                        null,
                        BundleProblem.PLURAL,
                        "Plural-Forms says "
                            + n
                            + " forms; "
                            + locale.englishName()
                            + " has "
                            + locale.pluralCount())));
    for (PoEntry entry : po.entries()) {
      String where = entry.context() == null ? "(no msgctxt)" : entry.context();
      var key = TextKey.parse(entry.context());
      var english = key.flatMap(sources::english);
      if (english.isEmpty()) {
        if (strict || key.isEmpty()) {
          problems.add(
              new BundleProblem(
                  entry.line(),
                  where,
                  BundleProblem.UNKNOWN_KEY,
                  "no text " + where + " in ruleset " + sources.rulesetVersion()));
          continue;
        }
      }
      if (entry.fuzzy()) {
        fuzzy++;
        continue;
      }
      if (entry.msgidPlural() != null) {
        problems.add(
            new BundleProblem(
                entry.line(),
                where,
                BundleProblem.PLURAL,
                entry.msgstr().size() == locale.pluralCount()
                    ? "the English of this text has no plural form"
                    : "expected "
                        + locale.pluralCount()
                        + " plural forms, found "
                        + entry.msgstr().size()));
        continue;
      }
      if (strict && !entry.msgid().equals(english.get())) {
        problems.add(
            new BundleProblem(
                entry.line(),
                where,
                BundleProblem.SOURCE,
                "msgid is not the English of "
                    + where
                    + " in ruleset "
                    + sources.rulesetVersion()
                    + ": export again and translate the current text"));
        continue;
      }
      if (entry.translation().isBlank()) {
        untranslated++;
        continue;
      }
      var placeholder = Placeholders.problem(entry.msgid(), entry.translation());
      if (placeholder.isPresent()) {
        problems.add(
            new BundleProblem(entry.line(), where, BundleProblem.PLACEHOLDER, placeholder.get()));
        continue;
      }
      texts.add(new Text(key.get(), entry.msgid(), entry.translation()));
    }
    return new CheckedBundle(texts, fuzzy, untranslated, problems);
  }
}
