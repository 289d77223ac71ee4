package org.drivesync.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling per phone number and email, so the keyed lookup hash of what a person gives staff on
 * the phone matches what a volunteer typed in the field. Messages never echo the value.
 */
public final class ContactNormaliser {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().\\-]");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private ContactNormaliser() {}

  /**
   * A phone number in E.164 form. UK national numbers ({@code 07700 900123}) and the written {@code
   * +44 (0)7700…} become {@code +447700900123}; {@code 00…} becomes {@code +…}.
   *
   * @throws IllegalArgumentException when it is not a phone number
   */
  public static String phone(String raw) {
    String digits = PHONE_PUNCTUATION.matcher(raw == null ? "" : raw.strip()).replaceAll("");
    if (digits.startsWith("00")) {
      digits = "+" + digits.substring(2);
    } else if (digits.startsWith("0")) {
      digits = "+44" + digits.substring(1);
    }
    if (digits.startsWith("+440")) {
      digits = "+44" + digits.substring(4);
    }
    if (!E164.matcher(digits).matches()) {
      throw new IllegalArgumentException("not a phone number");
    }
    return digits;
  }

  /**
   * An email address, trimmed and lower-cased (providers treat the local part case-insensitively).
   *
   * @throws IllegalArgumentException when it is not an email address
   */
  public static String email(String raw) {
    String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("not an email address");
    }
    return email;
  }

  /** The normal form of {@code raw} as a contact of {@code kind}. */
  public static String of(ContactKind kind, String raw) {
    return kind == ContactKind.PHONE ? phone(raw) : email(raw);
  }
}
