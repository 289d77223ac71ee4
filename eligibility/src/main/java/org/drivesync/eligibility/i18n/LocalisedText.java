package org.drivesync.eligibility.i18n;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A text as shown to a person, with what it is: {@code locale} is the language {@code text} is in
 * ({@code en} where the translation is missing or stale), and {@code english} is always there so a
 * client can show it beside any text that is not {@code reviewed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalisedText(
    String text, String locale, TranslationState state, String english, Instant reviewedAt) {
  /** Picks the text of {@code key} in {@code locale}, falling back to the English. */
  public static LocalisedText of(
      SupportedLocale locale, TextKey key, String english, TranslationLookup lookup) {
    String en = SupportedLocales.SOURCE_TAG;
    if (locale.isSource()) {
      return new LocalisedText(english, en, TranslationState.SOURCE, english, null);
    }
    return lookup
        .find(locale.tag(), key, english)
        .map(
            t ->
                new LocalisedText(
                    t.text(),
                    locale.tag(),
                    t.state(),
                    english,
                    t.state() == TranslationState.REVIEWED ? t.reviewedAt() : null))
        .orElseGet(
            () ->
                new LocalisedText(
                    english,
                    en,
                    lookup.fromOtherEnglish(locale.tag(), key, english).isPresent()
                        ? TranslationState.STALE
                        : TranslationState.MISSING,
                    english,
                    null));
  }
}
