package org.drivesync.eligibility.i18n;

import java.util.Optional;

/** Where translations come from: the bundles shipped with the project, the database, or both. */
public interface TranslationLookup {
  /** The translation of exactly this English wording of the text, if any. */
  Optional<Translation> find(String locale, TextKey key, String english);

  /**
   * A translation of some other English wording of the text (so a new ruleset made it stale), the
   * latest if several: the starting point a translator is given.
   */
  Optional<Previous> fromOtherEnglish(String locale, TextKey key, String english);

  /** A translation and the English wording it was made from. */
  record Previous(String english, String text) {}
}
