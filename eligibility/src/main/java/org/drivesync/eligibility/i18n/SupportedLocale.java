package org.drivesync.eligibility.i18n;

/**
 * A language guidance can be shown in.
 *
 * @param tag BCP 47 tag as used on the wire and in file names ({@code pa-Arab}, {@code zh-Hans})
 * @param englishName for staff screens and docs
 * @param nativeName for a language picker
 * @param rightToLeft whether the script runs right to left (answers say {@code "dir": "rtl"})
 * @param pluralCount gettext {@code nplurals}: how many plural forms the language has
 * @param pluralExpression gettext {@code plural=} expression written into exports
 */
public record SupportedLocale(
    String tag,
    String englishName,
    String nativeName,
    boolean rightToLeft,
    int pluralCount,
    String pluralExpression) {

  /** {@code "rtl"} or {@code "ltr"}, the HTML {@code dir} attribute value. */
  public String dir() {
    return rightToLeft ? "rtl" : "ltr";
  }

  /** The PO {@code Plural-Forms} header value. */
  public String pluralFormsHeader() {
    return "nplurals=" + pluralCount + "; plural=" + pluralExpression + ";";
  }

  public boolean isSource() {
    return tag.equals(SupportedLocales.SOURCE_TAG);
  }
}
