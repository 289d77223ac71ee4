package org.drivesync.core.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How counts are shown: exactly (staff, admins) or under small-number control (organisers). The
 * registration rate is worked out from the figures as shown, so it can never reveal more than they
 * do.
 */
public enum Figures {
  EXACT,
  ROUNDED;

  /** The metric names, in the order rows and CSV columns show them. */
  public static final List<String> METRICS =
      List.of(
          "contacts",
          "registeredOnSite",
          "pledged",
          "alreadyRegistered",
          "notEligible",
          "declined",
          "followUps",
          "eligibleReached",
          "registrationRate");

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Puts every metric of {@code counts} into {@code row}, in {@link #METRICS} order. */
  void put(Map<String, Object> row, Counts counts) {
    row.put("contacts", count(counts.contacts()));
    row.put("registeredOnSite", count(counts.registeredOnSite()));
    row.put("pledged", count(counts.pledged()));
    row.put("alreadyRegistered", count(counts.alreadyRegistered()));
    row.put("notEligible", count(counts.notEligible()));
    row.put("declined", count(counts.declined()));
    row.put("followUps", count(counts.followUps()));
    row.put("eligibleReached", count(counts.eligibleReached()));
    row.put("registrationRate", rate(counts.registeredOnSite(), counts.eligibleNotRegistered()));
  }

  Map<String, Object> of(Counts counts) {
    Map<String, Object> row = new LinkedHashMap<>();
    put(row, counts);
    return row;
  }

  Object count(long n) {
    return this == EXACT ? (Object) n : SmallNumbers.publish(n);
  }

  /**
   * registeredOnSite / (eligible and not already registered), to 4 decimal places; null when the
   * denominator is 0 or, for organisers, when either part is suppressed.
   */
  Double rate(long registered, long eligibleNotRegistered) {
    Long numerator = this == EXACT ? (Long) registered : SmallNumbers.publishedValue(registered);
    Long denominator =
        this == EXACT
            ? (Long) eligibleNotRegistered
            : SmallNumbers.publishedValue(eligibleNotRegistered);
    if (numerator == null || denominator == null || denominator == 0) {
      return null;
    }
    return Math.round(numerator * 10_000.0 / denominator) / 10_000.0;
  }
}
