package org.drivesync.eligibility.i18n;

import java.time.Instant;

/**
 * A translation of one English wording of one text.
 *
 * @param text the translation
 * @param state {@link TranslationState#DRAFT} or {@link TranslationState#REVIEWED}
 * @param reviewedBy who reviewed it (a name for staff screens), or null
 * @param reviewedAt when, or null
 */
public record Translation(
    String text, TranslationState state, String reviewedBy, Instant reviewedAt) {
  public static Translation draft(String text) {
    return new Translation(text, TranslationState.DRAFT, null, null);
  }
}
