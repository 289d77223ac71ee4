package org.drivesync.eligibility.i18n;

/**
 * Why a PO entry (or the file, {@code key} null) was refused.
 *
 * @param code stable reason: {@code translation_placeholder_mismatch}, {@code
 *     translation_source_mismatch}, {@code translation_unknown_key}, {@code
 *     translation_plural_forms}, {@code translation_locale_mismatch}
 */
public record BundleProblem(int line, String key, String code, String message) {
  public static final String PLACEHOLDER = "translation_placeholder_mismatch";
  public static final String SOURCE = "translation_source_mismatch";
  public static final String UNKNOWN_KEY = "translation_unknown_key";
  public static final String PLURAL = "translation_plural_forms";
  public static final String LOCALE = "translation_locale_mismatch";
}
