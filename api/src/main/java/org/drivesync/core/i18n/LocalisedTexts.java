package org.drivesync.core.i18n;

import java.util.Optional;
import org.drivesync.eligibility.i18n.LocalisedText;
import org.drivesync.eligibility.i18n.SourceTexts;
import org.drivesync.eligibility.i18n.SupportedLocale;
import org.drivesync.eligibility.i18n.TextKey;
import org.drivesync.eligibility.i18n.TranslationLookup;

/** The texts of one ruleset in one locale, looked up one by one for an answer being written. */
public record LocalisedTexts(
    SupportedLocale locale, SourceTexts sources, TranslationLookup lookup) {
  /** The text, or empty when the ruleset has no such message or no such label exists in English. */
  public Optional<LocalisedText> text(TextKey key) {
    return sources.english(key).map(english -> LocalisedText.of(locale, key, english, lookup));
  }

  public Optional<LocalisedText> message(String id) {
    return text(TextKey.message(id));
  }

  public Optional<LocalisedText> label(String id) {
    return text(TextKey.label(id));
  }
}
