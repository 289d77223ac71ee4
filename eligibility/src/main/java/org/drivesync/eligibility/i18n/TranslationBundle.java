package org.drivesync.eligibility.i18n;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every text of one ruleset in one locale, as devices download it for offline use ({@code GET
 * /api/v1/eligibility/rulesets/{version}/translations/{locale}}).
 */
public record TranslationBundle(
    String locale,
    String dir,
    String rulesetVersion,
    Map<String, LocalisedText> messages,
    Map<String, LocalisedText> labels) {

  public TranslationBundle {
    messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  public static TranslationBundle of(
      SupportedLocale locale, SourceTexts sources, TranslationLookup lookup) {
    Map<String, LocalisedText> messages = new LinkedHashMap<>();
    Map<String, LocalisedText> labels = new LinkedHashMap<>();
    sources
        .texts()
        .forEach(
            (key, english) -> {
              LocalisedText text = LocalisedText.of(locale, key, english, lookup);
              (key.kind() == TextKey.Kind.MESSAGE ? messages : labels).put(key.id(), text);
            });
    return new TranslationBundle(
        locale.tag(), locale.dir(), sources.rulesetVersion(), messages, labels);
  }
}
