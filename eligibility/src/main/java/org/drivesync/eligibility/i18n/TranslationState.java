package org.drivesync.eligibility.i18n;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How far a text shown to a person can be trusted. Only {@code reviewed} translations have been
 * checked by a person; a client shows the English beside every other state.
 */
public enum TranslationState {
  /** The English source itself. */
  SOURCE,
  /** A translation of exactly this English, checked by a named staff member. */
  REVIEWED,
  /** A translation of exactly this English nobody has checked yet (machine or unreviewed). */
  DRAFT,
  /**
   * Only translations of an earlier English wording exist: the text is the English, since the law
   * may differ.
   */
  STALE,
  /** Never translated: the text is the English. */
  MISSING;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
