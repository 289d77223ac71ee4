package org.drivesync.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Age on a date and the attainer window of RPA 1983 s.4(5) (rules doc R-REG-2). */
class AgesTest {

  @ParameterizedTest(name = "applying {0}: must reach voting age by {1}")
  @CsvSource({
    "2026-01-15, 2027-11-30", // the rules doc's own example
    "2025-11-30, 2026-11-30", // the day before 1 December: the window starts tomorrow
    "2025-12-01, 2027-11-30", // on 1 December the "next following" 1 December is a year away
    "2025-12-02, 2027-11-30",
    "2024-02-29, 2025-11-30"
  })
  void attainerWindowEndsOn30NovemberAfterTheNext1December(LocalDate applied, LocalDate end) {
    assertThat(Ages.windowEnd(applied, MonthDay.of(12, 1), 12)).isEqualTo(end);
  }

  @ParameterizedTest(name = "born {0}, {1} years on {2}")
  @CsvSource({
    "2007-06-01, 18, 2025-06-01",
    "2004-02-29, 18, 2022-03-01", // leap-day birthdays count from 1 March in common years
    "2004-02-29, 20, 2024-02-29"
  })
  void reachesAgeOnTheBirthday(LocalDate born, int years, LocalDate on) {
    assertThat(Ages.dateReaching(born, years)).isEqualTo(on);
    assertThat(Ages.reached(born, years, on)).isTrue();
    assertThat(Ages.reached(born, years, on.minusDays(1))).isFalse();
    assertThat(Ages.yearsOn(born, on)).isEqualTo(years);
    assertThat(Ages.yearsOn(born, on.minusDays(1))).isEqualTo(years - 1);
  }
}
