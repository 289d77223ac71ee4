package org.drivesync.eligibility;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The nation of a council from its GSS code: the first letter is the country (E England, W Wales, S
 * Scotland, N Northern Ireland). Whether the code is a council we hold polls for is the HTTP
 * layer's business, not the engine's.
 */
final class LocalAuthorityCodes {
  private static final Pattern GSS = Pattern.compile("[EWSN][0-9]{8}");
  private static final Map<Character, String> NATIONS =
      Map.of('E', "england", 'W', "wales", 'S', "scotland", 'N', "northern_ireland");

  private LocalAuthorityCodes() {}

  static boolean isWellFormed(String code) {
    return code != null && GSS.matcher(code).matches();
  }

  /** The nation code for a well-formed GSS code. */
  static String nationOf(String code) {
    return NATIONS.get(code.charAt(0));
  }
}
