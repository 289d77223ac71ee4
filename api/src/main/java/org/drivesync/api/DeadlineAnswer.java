package org.drivesync.api;

import java.time.LocalDate;

/** {@code GET /deadlines}: the calculator on its own, with the bank-holiday data it used. */
public record DeadlineAnswer(
    LocalDate pollDate,
    String nation,
    String electionCode,
    PollDeadlines deadlines,
    BankHolidayData bankHolidays) {

  /** Which version of the bank-holiday data, and where it comes from. */
  public record BankHolidayData(String version, String source, String licence) {}
}
