package org.drivesync.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Imported and reviewed translations (docs/languages.md); the shipped drafts are files, not rows.
 */
public interface TranslationDao {
  /** One translation of one English wording, with the reviewer's name for staff screens. */
  record TranslationRow(
      String textKey,
      String sourceText,
      String text,
      String state,
      String reviewerName,
      Instant reviewedAt,
      Instant updatedAt) {}

  // Oldest change first, so the last row seen for a key is its latest wording.
  @SqlQuery(
      """
      SELECT t.text_key, t.source_text, t.text, t.state, u.name AS reviewer_name, t.reviewed_at,
             t.updated_at
      FROM translations t
      LEFT JOIN users u ON u.id = t.reviewed_by
      WHERE t.locale = :locale
      ORDER BY t.updated_at, t.text_key
      """)
  @RegisterConstructorMapper(TranslationRow.class)
  List<TranslationRow> forLocale(@Bind("locale") String locale);

  /**
   * Stores an imported draft. The same text again changes nothing (a review stands); a different
   * text replaces it and resets the row to draft. Returns 1 when something changed.
   */
  @SqlUpdate(
      """
      INSERT INTO translations (locale, text_key, source_sha256, source_text, text, state, updated_by)
      VALUES (:locale, :key, sha256(convert_to(:source, 'UTF8')), :source, :text, 'draft', :by)
      ON CONFLICT (locale, text_key, source_sha256) DO UPDATE
        SET text = EXCLUDED.text, state = 'draft', reviewed_by = NULL, reviewed_at = NULL,
            updated_by = EXCLUDED.updated_by, updated_at = now()
        WHERE translations.text <> EXCLUDED.text
      """)
  int importDraft(
      @Bind("locale") String locale,
      @Bind("key") String key,
      @Bind("source") String source,
      @Bind("text") String text,
      @Bind("by") UUID by);

  /**
   * Marks exactly this text reviewed (inserting it when it was a shipped draft, which has no row).
   * Returns 0 when the stored text is a different one, which the caller checked cannot happen under
   * its lock.
   */
  @SqlUpdate(
      """
      INSERT INTO translations (locale, text_key, source_sha256, source_text, text, state,
                                updated_by, reviewed_by, reviewed_at)
      VALUES (:locale, :key, sha256(convert_to(:source, 'UTF8')), :source, :text, 'reviewed',
              :by, :by, now())
      ON CONFLICT (locale, text_key, source_sha256) DO UPDATE
        SET state = 'reviewed', reviewed_by = EXCLUDED.reviewed_by, reviewed_at = now(),
            updated_by = EXCLUDED.updated_by, updated_at = now()
        WHERE translations.text = EXCLUDED.text
      """)
  int markReviewed(
      @Bind("locale") String locale,
      @Bind("key") String key,
      @Bind("source") String source,
      @Bind("text") String text,
      @Bind("by") UUID by);
}
