package org.drivesync.core.i18n;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drivesync.db.TranslationDao.TranslationRow;
import org.drivesync.eligibility.i18n.TextKey;
import org.drivesync.eligibility.i18n.Translation;
import org.drivesync.eligibility.i18n.TranslationLookup;
import org.drivesync.eligibility.i18n.TranslationState;

/**
 * The translations of one locale as people left them in the database, over the shipped drafts: a
 * row for an English wording wins over the file's text for it (it is newer, or it carries the
 * review).
 */
final class StoredTranslations implements TranslationLookup {
  private final Map<TextKey, Map<String, Translation>> rows = new HashMap<>();
  private final TranslationLookup shipped;

  StoredTranslations(List<TranslationRow> stored, TranslationLookup shipped) {
    this.shipped = shipped;
    for (TranslationRow row : stored) {
      TextKey.parse(row.textKey())
          .ifPresent(
              key ->
                  rows.computeIfAbsent(key, k -> new LinkedHashMap<>())
                      .put(
                          row.sourceText(),
                          new Translation(
                              row.text(),
                              "reviewed".equals(row.state())
                                  ? TranslationState.REVIEWED
                                  : TranslationState.DRAFT,
                              row.reviewerName(),
                              row.reviewedAt())));
    }
  }

  @Override
  public Optional<Translation> find(String locale, TextKey key, String english) {
    Translation stored = rows.getOrDefault(key, Map.of()).get(english);
    return stored != null ? Optional.of(stored) : shipped.find(locale, key, english);
  }

  @Override
  public Optional<Previous> fromOtherEnglish(String locale, TextKey key, String english) {
    Previous latest = null;
    for (Map.Entry<String, Translation> e : rows.getOrDefault(key, Map.of()).entrySet()) {
      if (!e.getKey().equals(english)) {
        latest = new Previous(e.getKey(), e.getValue().text()); // rows come oldest change first
      }
    }
    return latest != null ? Optional.of(latest) : shipped.fromOtherEnglish(locale, key, english);
  }
}
