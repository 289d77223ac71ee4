package org.drivesync.eligibility.i18n;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code nplurals} from a PO {@code Plural-Forms} header; -1 when it cannot be read. */
final class PluralForms {
  private static final Pattern NPLURALS = Pattern.compile("^\\s*nplurals\\s*=\\s*(\\d+)\\s*;");

  private PluralForms() {}

  static int count(String header) {
    Matcher m = NPLURALS.matcher(header);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
