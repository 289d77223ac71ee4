package org.drivesync.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small-number rule of docs/metrics.md, as a table of cases and a subtraction attack. */
class SmallNumbersTest {
  @Test
  void zeroIsShownOneToFourAreSuppressedAndTheRestRoundToTheNearestFive() {
    Map<Long, Object> cases = new java.util.LinkedHashMap<>();
    cases.put(0L, 0L);
    cases.put(1L, "<5");
    cases.put(4L, "<5");
    cases.put(5L, 5L);
    cases.put(7L, 5L);
    cases.put(8L, 10L);
    cases.put(12L, 10L);
    cases.put(13L, 15L);
    cases.put(1_002L, 1_000L);
    cases.forEach(
        (count, shown) -> assertThat(SmallNumbers.publish(count)).as("%d", count).isEqualTo(shown));
    assertThatThrownBy(() -> SmallNumbers.publish(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRateIsWorkedOutFromThePublishedFiguresAndWithheldWhenEitherIsSuppressed() {
    assertThat(Figures.EXACT.rate(3, 7)).isEqualTo(0.4286);
    assertThat(Figures.EXACT.rate(3, 0)).isNull();
    assertThat(Figures.ROUNDED.rate(3, 40)).as("numerator suppressed").isNull();
    assertThat(Figures.ROUNDED.rate(0, 3)).as("denominator suppressed").isNull();
    assertThat(Figures.ROUNDED.rate(0, 12)).isEqualTo(0.0);
    assertThat(Figures.ROUNDED.rate(7, 13)).as("5 / 15").isEqualTo(0.3333);
  }

  /**
   * A reader who knows the rule, every published cell and the published total of a line tries to
   * work out a suppressed cell by subtraction. Rounding every figure leaves 1 to 4 all possible
   * except where every figure on the line sits at the edge of its rounding interval: under 2% of
   * lines with one or two other cells (docs/metrics.md quotes these shares). Rounding only the
   * total, with exact cells beside it, would give the cell away in about one line in ten.
   */
  @Test
  void aSuppressedCellCanRarelyBeWorkedOutFromTheTotalAndTheOtherCells() {
    int lines = 0;
    int pinned = 0;
    for (int hidden = 1; hidden <= 4; hidden++) {
      for (int a = 0; a <= 60; a++) {
        for (int b = 0; b <= 60; b++) {
          lines++;
          int candidates = 0;
          for (int guess = 1; guess <= 4; guess++) {
            candidates += consistent(guess, a, b, hidden) ? 1 : 0;
          }
          assertThat(candidates).as("the truth is always a candidate").isPositive();
          pinned += candidates == 1 ? 1 : 0;
        }
      }
    }
    assertThat(100.0 * pinned / lines).as("share of lines pinned, %").isLessThan(2.0);
  }

  /** Whether a cell of {@code guess} beside exact cells of the same published figures fits. */
  private static boolean consistent(int guess, int a, int b, int hidden) {
    Object publishedA = SmallNumbers.publish(a);
    Object publishedB = SmallNumbers.publish(b);
    Object publishedTotal = SmallNumbers.publish(hidden + a + b);
    // Any a', b' that publish the same as a, b may be the truth: search them.
    for (int a2 = Math.max(0, a - 4); a2 <= a + 4; a2++) {
      for (int b2 = Math.max(0, b - 4); b2 <= b + 4; b2++) {
        if (SmallNumbers.publish(a2).equals(publishedA)
            && SmallNumbers.publish(b2).equals(publishedB)
            && SmallNumbers.publish(guess + a2 + b2).equals(publishedTotal)) {
          return true;
        }
      }
    }
    return false;
  }
}
