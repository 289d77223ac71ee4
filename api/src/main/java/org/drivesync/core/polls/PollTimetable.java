package org.drivesync.core.polls;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.drivesync.api.Poll;
import org.drivesync.api.PollDeadlines;
import org.drivesync.db.PollRow;
import org.drivesync.elections.BankHolidays;
import org.drivesync.elections.DeadlineCalculator;
import org.drivesync.elections.Deadlines;
import org.drivesync.elections.ElectionRules;
import org.drivesync.elections.Nation;
import org.drivesync.elections.OutsideCalendarException;
import org.drivesync.errors.ApiException;
import org.drivesync.errors.ErrorCode;

/**
 * Deadlines of stored polls, from the elections module's calculator and the bundled bank holidays.
 */
public final class PollTimetable {
  private final BankHolidays holidays;
  private final DeadlineCalculator calculator;

  public PollTimetable(BankHolidays holidays) {
    this.holidays = holidays;
    this.calculator = new DeadlineCalculator(holidays);
  }

  public static PollTimetable bundled() {
    return new PollTimetable(BankHolidays.bundled());
  }

  public BankHolidays holidays() {
    return holidays;
  }

  public DeadlineCalculator calculator() {
    return calculator;
  }

  public Poll poll(PollRow row) {
    return new Poll(
        row.id(),
        row.electionCode(),
        row.label(),
        row.pollDate(),
        List.of(row.localAuthorities()),
        row.cancelled(),
        PollDeadlines.of(deadlines(row.electionCode(), row.nation(), row.pollDate())));
  }

  /**
   * The deadlines, or a 400 {@code outside_calendar} when the bank-holiday data does not reach back
   * that far.
   */
  public Deadlines deadlines(String electionCode, String nation, LocalDate pollDate) {
    ElectionRules rules = rules(electionCode);
    Nation n =
        Nation.fromCode(nation)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "nation", "one of england, wales, scotland, northern_ireland"));
    try {
      return calculator.deadlines(rules, n, pollDate);
    } catch (OutsideCalendarException e) {
      throw new ApiException(
          ErrorCode.OUTSIDE_CALENDAR,
          "Deadlines can only be counted for polls the" + " bank-holiday data covers",
          Map.of(
              "coversFrom", e.coversFrom().toString(), "coversUntil", e.coversUntil().toString()));
    }
  }

  static ElectionRules rules(String electionCode) {
    return ElectionRules.of(electionCode)
        .orElseThrow(
            () ->
                ApiException.invalid(
                    "electionCode",
                    "one of " + String.join(", ", new TreeSet<>(ElectionRules.codes()))));
  }
}
