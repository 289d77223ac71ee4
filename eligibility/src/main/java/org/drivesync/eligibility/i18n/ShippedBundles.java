package org.drivesync.eligibility.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drivesync.eligibility.Ruleset;
import org.drivesync.eligibility.RulesetCatalog;

/**
 * The draft bundles versioned in the project: {@code i18n/bundles/<rulesetVersion>/<locale>.po},
 * one per ruleset a translation was made for. Every shipped text is a draft: review states are data
 * people change, so they live in the database (docs/languages.md). A text is found by the English
 * it translates, so a bundle made for one ruleset serves every later ruleset whose English is
 * unchanged, and shows as stale where the English changed.
 */
public final class ShippedBundles implements TranslationLookup {
  static final String ROOT = "/org/drivesync/eligibility/i18n/bundles/";

  /**
   * locale → key → English wording → translation; later rulesets' files win for the same wording.
   */
  private final Map<String, Map<TextKey, Map<String, String>>> texts;

  private final List<String> files;

  private ShippedBundles(Map<String, Map<TextKey, Map<String, String>>> texts, List<String> files) {
    this.texts = texts;
    this.files = List.copyOf(files);
  }

  public static ShippedBundles none() {
    return new ShippedBundles(Map.of(), List.of());
  }

  /**
   * Reads and checks every bundle of every ruleset of the catalog; a bad file fails start-up, as a
   * bad ruleset does.
   */
  public static ShippedBundles load(RulesetCatalog catalog, Map<String, String> labels) {
    Map<String, Map<TextKey, Map<String, String>>> texts = new HashMap<>();
    List<String> files = new ArrayList<>();
    for (Ruleset ruleset : catalog.all()) {
      SourceTexts sources = SourceTexts.of(ruleset, labels);
      for (SupportedLocale locale : SupportedLocales.translated()) {
        String file = ruleset.version() + "/" + locale.tag() + ".po";
        Optional<byte[]> bytes = resource(ROOT + file);
        if (bytes.isEmpty()) {
          continue;
        }
        CheckedBundle bundle = read(file, bytes.get(), locale, sources);
        files.add(file);
        Map<TextKey, Map<String, String>> byKey =
            texts.computeIfAbsent(locale.tag(), t -> new HashMap<>());
        for (CheckedBundle.Text text : bundle.texts()) {
          byKey
              .computeIfAbsent(text.key(), k -> new LinkedHashMap<>())
              .put(text.english(), text.text());
        }
      }
    }
    return new ShippedBundles(texts, files);
  }

  private static CheckedBundle read(
      String file, byte[] bytes, SupportedLocale locale, SourceTexts sources) {
    try {
      CheckedBundle bundle = CheckedBundle.check(PoReader.read(bytes), locale, sources, false);
      if (!bundle.problems().isEmpty()) {
        throw new IllegalStateException(
            "translation bundle " + file + " is invalid: " + bundle.problems());
      }
      return bundle;
    } catch (PoSyntaxException e) {
      throw new IllegalStateException(
          "translation bundle " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  private static Optional<byte[]> resource(String path) {
    try (InputStream in = ShippedBundles.class.getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  /** The files read, {@code <rulesetVersion>/<locale>.po}, for tests and the start-up log. */
  public List<String> files() {
    return files;
  }

  @Override
  public Optional<Translation> find(String locale, TextKey key, String english) {
    return Optional.ofNullable(byKey(locale, key).get(english)).map(Translation::draft);
  }

  @Override
  public Optional<Previous> fromOtherEnglish(String locale, TextKey key, String english) {
    Previous latest = null;
    for (Map.Entry<String, String> e : byKey(locale, key).entrySet()) {
      if (!e.getKey().equals(english)) {
        latest = new Previous(e.getKey(), e.getValue()); // insertion order: oldest ruleset first
      }
    }
    return Optional.ofNullable(latest);
  }

  private Map<String, String> byKey(String locale, TextKey key) {
    return texts.getOrDefault(locale, Map.of()).getOrDefault(key, Map.of());
  }
}
