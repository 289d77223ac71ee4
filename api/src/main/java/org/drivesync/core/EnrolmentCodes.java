package org.drivesync.core;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import org.drivesync.auth.Tokens;

/**
 * Enrolment codes: 12 Crockford base-32 characters (60 random bits) in groups of four, easy to read
 * aloud or type when a camera cannot scan the QR code. Guessing is held off by expiry (15 minutes),
 * single use and the per-address lock-out.
 */
public final class EnrolmentCodes {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private EnrolmentCodes() {}

  public static String newCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  /** Hash of the code as typed: case, dashes and the look-alikes O/I/L do not matter. */
  public static byte[] hash(String typed) {
    String normalised =
        typed
            .toUpperCase(Locale.ROOT)
            .replaceAll("[^0-9A-Z]", "")
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    return Tokens.sha256(("enrolment:" + normalised).getBytes(StandardCharsets.UTF_8));
  }
}
