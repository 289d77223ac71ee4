package org.drivesync.elections;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Counts working days back from polling day by the election rules (docs/elections.md). A working
 * day is any day but a "dies non": Saturday, Sunday, Christmas Eve, Christmas Day, Good Friday, a
 * bank holiday in the nation, a day appointed for public thanksgiving or mourning, and (UK
 * Parliament only) Maundy Thursday. Polling day itself is not counted.
 */
public final class DeadlineCalculator {
  public static final ZoneId UK = ZoneId.of("Europe/London");
  static final int REGISTRATION_DAYS = 12;
  static final int POSTAL_DAYS = 11;
  static final int POSTAL_DAYS_NORTHERN_IRELAND = 14;
  static final int PROXY_DAYS = 6;
  static final int VOTER_AUTHORITY_CERTIFICATE_DAYS = 6;
  static final LocalTime REGISTRATION_TIME = LocalTime.of(23, 59);
  static final LocalTime APPLICATION_TIME = LocalTime.of(17, 0);
  private static final MonthDay CHRISTMAS_EVE = MonthDay.of(12, 24);
  private static final MonthDay CHRISTMAS_DAY = MonthDay.of(12, 25);

  private final BankHolidays holidays;

  public DeadlineCalculator(BankHolidays holidays) {
    this.holidays = holidays;
  }

  /**
   * The deadlines of a poll of {@code rules}' type held in {@code nation} on {@code pollDate}.
   *
   * @throws OutsideCalendarException if the count would leave the bank-holiday data's range
   */
  public Deadlines deadlines(ElectionRules rules, Nation nation, LocalDate pollDate) {
    boolean ni = nation == Nation.NORTHERN_IRELAND;
    int postalDays = ni ? POSTAL_DAYS_NORTHERN_IRELAND : POSTAL_DAYS;
    int proxyDays = ni ? POSTAL_DAYS_NORTHERN_IRELAND : PROXY_DAYS;
    boolean vac = rules.photoIdInGreatBritain() && !ni;
    return new Deadlines(
        at(workingDaysBefore(pollDate, REGISTRATION_DAYS, rules, nation), REGISTRATION_TIME),
        at(workingDaysBefore(pollDate, postalDays, rules, nation), APPLICATION_TIME),
        at(workingDaysBefore(pollDate, proxyDays, rules, nation), APPLICATION_TIME),
        vac
            ? at(
                workingDaysBefore(pollDate, VOTER_AUTHORITY_CERTIFICATE_DAYS, rules, nation),
                APPLICATION_TIME)
            : null);
  }

  /** The day {@code count} working days before {@code day} (not counting {@code day} itself). */
  public LocalDate workingDaysBefore(LocalDate day, int count, ElectionRules rules, Nation nation) {
    LocalDate d = day;
    int left = count;
    while (left > 0) {
      d = d.minusDays(1);
      if (isWorkingDay(d, rules, nation)) {
        left--;
      }
    }
    return d;
  }

  /**
   * Working days from {@code from} (exclusive) up to and including {@code to}; 0 if {@code to} is
   * not after.
   */
  public long workingDaysBetween(LocalDate from, LocalDate to, ElectionRules rules, Nation nation) {
    long count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d, rules, nation)) {
        count++;
      }
    }
    return count;
  }

  public boolean isWorkingDay(LocalDate d, ElectionRules rules, Nation nation) {
    if (!holidays.covers(d)) {
      throw new OutsideCalendarException(d, holidays.coversFrom(), holidays.coversUntil());
    }
    DayOfWeek dow = d.getDayOfWeek();
    MonthDay md = MonthDay.from(d);
    LocalDate easter = Easter.sunday(d.getYear());
    return dow != DayOfWeek.SATURDAY
        && dow != DayOfWeek.SUNDAY
        && !md.equals(CHRISTMAS_EVE)
        && !md.equals(CHRISTMAS_DAY)
        && !d.equals(easter.minusDays(2))
        && !(rules.maundyThursdayIsDiesNon() && d.equals(easter.minusDays(3)))
        && !holidays.isBankHoliday(nation, d)
        && !holidays.isAppointedThanksgivingOrMourning(d);
  }

  private static OffsetDateTime at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(UK).toOffsetDateTime();
  }
}
