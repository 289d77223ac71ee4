package org.drivesync.elections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The table of deadline-cases.csv, and the edges of the calculator. */
class DeadlineCalculatorTest {
  private static final DeadlineCalculator CALCULATOR =
      new DeadlineCalculator(BankHolidays.bundled());

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/org/drivesync/elections/deadline-cases.csv", delimiter = '|')
  void countsWorkingDaysBackFromPollingDay(
      String name,
      String election,
      String nation,
      LocalDate poll,
      String registration,
      String postal,
      String proxy,
      String vac) {
    Deadlines d =
        CALCULATOR.deadlines(
            ElectionRules.of(election).orElseThrow(), Nation.fromCode(nation).orElseThrow(), poll);

    assertThat(d.registration()).as("registration").isEqualTo(OffsetDateTime.parse(registration));
    assertThat(d.postalVote()).as("postal vote").isEqualTo(OffsetDateTime.parse(postal));
    assertThat(d.proxy()).as("proxy").isEqualTo(OffsetDateTime.parse(proxy));
    assertThat(d.voterAuthorityCertificate())
        .as("voter authority certificate")
        .isEqualTo("-".equals(vac) ? null : OffsetDateTime.parse(vac));
  }

  @Test
  void deadlinesCarryTheirUkOffset() {
    Deadlines d =
        CALCULATOR.deadlines(
            ElectionRules.of("local_england").orElseThrow(),
            Nation.ENGLAND,
            LocalDate.of(2027, 5, 6));
    assertThat(d.registration().toString()).isEqualTo("2027-04-19T23:59+01:00");
  }

  @Test
  void maundyThursdayIsAWorkingDayOnlyOutsideUkParliamentPolls() {
    LocalDate maundyThursday = LocalDate.of(2026, 4, 2);
    assertThat(
            CALCULATOR.isWorkingDay(
                maundyThursday, ElectionRules.of("local_england").orElseThrow(), Nation.ENGLAND))
        .isTrue();
    assertThat(
            CALCULATOR.isWorkingDay(
                maundyThursday, ElectionRules.of("uk_parliament").orElseThrow(), Nation.ENGLAND))
        .isFalse();
  }

  @Test
  void countsWorkingDaysLeft() {
    ElectionRules local = ElectionRules.of("local_england").orElseThrow();
    // Mon 13 April 2026 to Fri 17 April 2026: Tue-Fri are four working days.
    assertThat(
            CALCULATOR.workingDaysBetween(
                LocalDate.of(2026, 4, 13), LocalDate.of(2026, 4, 17), local, Nation.ENGLAND))
        .isEqualTo(4);
    assertThat(
            CALCULATOR.workingDaysBetween(
                LocalDate.of(2026, 4, 17), LocalDate.of(2026, 4, 13), local, Nation.ENGLAND))
        .isZero();
  }

  @Test
  void refusesToCountBeyondTheBankHolidayData() {
    assertThatThrownBy(
            () ->
                CALCULATOR.deadlines(
                    ElectionRules.of("local_england").orElseThrow(),
                    Nation.ENGLAND,
                    LocalDate.of(2031, 5, 1)))
        .isInstanceOf(OutsideCalendarException.class)
        .hasMessageContaining("2030-12-31");
  }

  @Test
  void easterFollowsTheGregorianComputus() {
    assertThat(Easter.sunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(Easter.sunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(Easter.sunday(2030)).isEqualTo(LocalDate.of(2030, 4, 21));
  }
}
