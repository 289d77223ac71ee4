package org.drivesync.elections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The versioned bank-holiday data: every nation through 2030, with its source and the one-off
 * holidays.
 */
class BankHolidaysTest {
  private static final BankHolidays HOLIDAYS = BankHolidays.bundled();

  @Test
  void coversEveryNationThroughAtLeast2030WithItsSource() {
    assertThat(HOLIDAYS.coversUntil()).isAfterOrEqualTo(LocalDate.of(2030, 12, 31));
    assertThat(HOLIDAYS.source().url()).isEqualTo("https://www.gov.uk/bank-holidays.json");
    assertThat(HOLIDAYS.source().licence()).contains("Open Government Licence");
    for (Nation nation : Nation.values()) {
      assertThat(HOLIDAYS.isBankHoliday(nation, LocalDate.of(2030, 12, 25)))
          .as(nation.code())
          .isTrue();
    }
  }

  @Test
  void includesTheOneOffHolidays() {
    for (Nation nation : Nation.values()) {
      assertThat(HOLIDAYS.isBankHoliday(nation, LocalDate.of(2023, 5, 8)))
          .as("coronation")
          .isTrue();
      assertThat(HOLIDAYS.isBankHoliday(nation, LocalDate.of(2022, 9, 19)))
          .as("state funeral")
          .isTrue();
      assertThat(HOLIDAYS.isBankHoliday(nation, LocalDate.of(2022, 6, 3)))
          .as("platinum jubilee")
          .isTrue();
    }
    assertThat(HOLIDAYS.isBankHoliday(Nation.ENGLAND, LocalDate.of(2022, 5, 30)))
        .as("moved spring")
        .isFalse();
  }

  @Test
  void nationsHaveTheirOwnHolidays() {
    assertThat(HOLIDAYS.isBankHoliday(Nation.SCOTLAND, LocalDate.of(2026, 4, 6)))
        .as("Easter Monday")
        .isFalse();
    assertThat(HOLIDAYS.isBankHoliday(Nation.WALES, LocalDate.of(2026, 4, 6))).isTrue();
    assertThat(HOLIDAYS.isBankHoliday(Nation.SCOTLAND, LocalDate.of(2026, 8, 3)))
        .as("first Monday Aug")
        .isTrue();
    assertThat(HOLIDAYS.isBankHoliday(Nation.ENGLAND, LocalDate.of(2026, 8, 31))).isTrue();
    assertThat(HOLIDAYS.isBankHoliday(Nation.SCOTLAND, LocalDate.of(2027, 11, 30)))
        .as("St Andrew")
        .isTrue();
    assertThat(HOLIDAYS.isBankHoliday(Nation.NORTHERN_IRELAND, LocalDate.of(2026, 7, 13)))
        .as("Boyne sub")
        .isTrue();
    assertThat(HOLIDAYS.isBankHoliday(Nation.NORTHERN_IRELAND, LocalDate.of(2027, 3, 17)))
        .as("St Patrick")
        .isTrue();
    assertThat(HOLIDAYS.isBankHoliday(Nation.ENGLAND, LocalDate.of(2027, 3, 17))).isFalse();
  }

  @Test
  void substituteDaysFollowWeekendHolidays() {
    // Christmas 2027 is a Saturday: Monday 27 and Tuesday 28 December.
    assertThat(HOLIDAYS.isBankHoliday(Nation.ENGLAND, LocalDate.of(2027, 12, 27))).isTrue();
    assertThat(HOLIDAYS.isBankHoliday(Nation.ENGLAND, LocalDate.of(2027, 12, 28))).isTrue();
    // 1 January 2028 is a Saturday: Monday 3 January.
    assertThat(HOLIDAYS.isBankHoliday(Nation.ENGLAND, LocalDate.of(2028, 1, 3))).isTrue();
  }

  @Test
  void nationOfACouncilFollowsItsGssCode() {
    assertThat(Nation.ofLocalAuthority("E08000003")).contains(Nation.ENGLAND);
    assertThat(Nation.ofLocalAuthority("W06000015")).contains(Nation.WALES);
    assertThat(Nation.ofLocalAuthority("S12000036")).contains(Nation.SCOTLAND);
    assertThat(Nation.ofLocalAuthority("N09000003")).contains(Nation.NORTHERN_IRELAND);
    assertThat(Nation.ofLocalAuthority("Manchester")).isEmpty();
  }
}
