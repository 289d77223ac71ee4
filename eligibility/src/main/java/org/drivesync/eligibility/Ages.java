package org.drivesync.eligibility;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;

/**
 * Age arithmetic on calendar dates (the law judges age on the day of the poll or application, not
 * by the hour).
 */
final class Ages {
  private Ages() {}

  /**
   * The day someone reaches {@code years}. A 29 February birthday is reached on 1 March in common
   * years: the later of the two readings, so the engine never says "yes" a day early.
   */
  static LocalDate dateReaching(LocalDate dateOfBirth, int years) {
    LocalDate date = dateOfBirth.plusYears(years);
    boolean leapDay = dateOfBirth.getMonth() == Month.FEBRUARY && dateOfBirth.getDayOfMonth() == 29;
    return leapDay && !date.isLeapYear() ? date.plusDays(1) : date;
  }

  /**
   * Someone whose birthday is polling day can vote (rules doc 3.1: "18 years or over" on the date
   * of the poll).
   */
  static boolean reached(LocalDate dateOfBirth, int years, LocalDate on) {
    return !dateReaching(dateOfBirth, years).isAfter(on);
  }

  static int yearsOn(LocalDate dateOfBirth, LocalDate on) {
    int years = Math.max(0, on.getYear() - dateOfBirth.getYear());
    while (years > 0 && !reached(dateOfBirth, years, on)) {
      years--;
    }
    return years;
  }

  /**
   * Last day of the attainer window: the end of {@code months} months beginning with the next
   * {@code start} day strictly after {@code relevantDate} (RPA 1983 s.4(5) "next following").
   * Applying on 15 Jan 2026 gives 30 Nov 2027.
   */
  static LocalDate windowEnd(LocalDate relevantDate, MonthDay start, int months) {
    LocalDate next = start.atYear(relevantDate.getYear());
    if (!next.isAfter(relevantDate)) {
      next = start.atYear(relevantDate.getYear() + 1);
    }
    return next.plusMonths(months).minusDays(1);
  }
}
