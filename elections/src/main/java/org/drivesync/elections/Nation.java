package org.drivesync.elections;

import java.util.Arrays;
import java.util.Optional;

/**
 * The UK nations whose bank holidays differ; England and Wales share GOV.UK's "england-and-wales"
 * list.
 */
public enum Nation {
  ENGLAND("england", "england-and-wales"),
  WALES("wales", "england-and-wales"),
  SCOTLAND("scotland", "scotland"),
  NORTHERN_IRELAND("northern_ireland", "northern-ireland");

  private final String code;
  private final String bankHolidayDivision;

  Nation(String code, String bankHolidayDivision) {
    this.code = code;
    this.bankHolidayDivision = bankHolidayDivision;
  }

  /**
   * The code used in the API and the eligibility rulesets (england, wales, scotland,
   * northern_ireland).
   */
  public String code() {
    return code;
  }

  String bankHolidayDivision() {
    return bankHolidayDivision;
  }

  public static Optional<Nation> fromCode(String code) {
    return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst();
  }

  /** The nation of a council from the first letter of its GSS code (E, W, S, N). */
  public static Optional<Nation> ofLocalAuthority(String gssCode) {
    if (gssCode == null || !gssCode.matches("[EWSN][0-9]{8}")) {
      return Optional.empty();
    }
    return Optional.of(
        switch (gssCode.charAt(0)) {
          case 'E' -> ENGLAND;
          case 'W' -> WALES;
          case 'S' -> SCOTLAND;
          default -> NORTHERN_IRELAND;
        });
  }
}
