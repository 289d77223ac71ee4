package org.drivesync.eligibility.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The locales drivesync ships bundles for, and choosing one from an {@code Accept-Language} header
 * or a {@code locale} field. English is the source language: every text exists in it, so it is
 * always the fallback.
 */
public final class SupportedLocales {
  public static final String SOURCE_TAG = "en";

  // Plural rules: the gettext forms of the Unicode CLDR plural categories for integers.
  private static final List<SupportedLocale> ALL =
      List.of(
          new SupportedLocale("en", "English", "English", false, 2, "(n != 1)"),
          new SupportedLocale(
              "cy",
              "Welsh",
              "Cymraeg",
              false,
              6,
              "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 5)"),
          new SupportedLocale("ur", "Urdu", "اردو", true, 2, "(n != 1)"),
          new SupportedLocale("pa-Guru", "Punjabi (Gurmukhi)", "ਪੰਜਾਬੀ", false, 2, "(n > 1)"),
          new SupportedLocale("pa-Arab", "Punjabi (Shahmukhi)", "پنجابی", true, 2, "(n > 1)"),
          new SupportedLocale("bn", "Bengali", "বাংলা", false, 2, "(n > 1)"),
          new SupportedLocale(
              "pl",
              "Polish",
              "Polski",
              false,
              3,
              "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2)"),
          new SupportedLocale(
              "ro",
              "Romanian",
              "Română",
              false,
              3,
              "(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2)"),
          new SupportedLocale(
              "ar",
              "Arabic",
              "العربية",
              true,
              6,
              "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5)"),
          new SupportedLocale("so", "Somali", "Soomaali", false, 2, "(n != 1)"),
          new SupportedLocale("ti", "Tigrinya", "ትግርኛ", false, 2, "(n > 1)"),
          new SupportedLocale("fa", "Farsi", "فارسی", true, 2, "(n > 1)"),
          new SupportedLocale(
              "uk",
              "Ukrainian",
              "Українська",
              false,
              3,
              "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
          new SupportedLocale("zh-Hans", "Chinese (Simplified)", "简体中文", false, 1, "0"));

  /**
   * Tags people's browsers and phones send that RFC 4647 lookup would not map to ours: Chinese
   * without a script (mainland and Singapore write Simplified), and Punjabi by region (India writes
   * Gurmukhi, Pakistan Shahmukhi).
   */
  private static final Map<String, String> ALIASES =
      Map.of(
          "zh", "zh-Hans", "zh-cn", "zh-Hans", "zh-sg", "zh-Hans", "zh-my", "zh-Hans", "pa",
          "pa-Guru", "pa-in", "pa-Guru", "pa-pk", "pa-Arab");

  private SupportedLocales() {}

  public static List<SupportedLocale> all() {
    return ALL;
  }

  /** The translated locales (all but English). */
  public static List<SupportedLocale> translated() {
    return ALL.stream().filter(l -> !l.isSource()).toList();
  }

  public static SupportedLocale source() {
    return ALL.get(0);
  }

  /** Exact tag, case-insensitive, {@code _} read as {@code -} (gettext writes {@code pa_Arab}). */
  public static Optional<SupportedLocale> byTag(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String wanted = tag.trim().replace('_', '-');
    return ALL.stream().filter(l -> l.tag().equalsIgnoreCase(wanted)).findFirst();
  }

  /**
   * The best supported locale for an {@code Accept-Language} value, by quality then order, each
   * range tried exactly, by alias, then with subtags removed from the end ({@code ur-PK} finds
   * {@code ur}); English when nothing matches or the header is absent or malformed.
   */
  public static SupportedLocale negotiate(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return source();
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException e) {
      return source(); // a broken header is not worth a 400: the person still needs an answer
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0) {
        continue;
      }
      Optional<SupportedLocale> match = match(range.getRange());
      if (match.isPresent()) {
        return match.get();
      }
    }
    return source();
  }

  private static Optional<SupportedLocale> match(String range) {
    List<String> candidates = new ArrayList<>();
    String current = range.toLowerCase(Locale.ROOT);
    while (!current.isEmpty() && !current.equals("*")) {
      candidates.add(current);
      int dash = current.lastIndexOf('-');
      current = dash < 0 ? "" : current.substring(0, dash);
    }
    for (String candidate : candidates) {
      Optional<SupportedLocale> found = byTag(ALIASES.getOrDefault(candidate, candidate));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
