package org.drivesync.eligibility;

import java.time.MonthDay;
import java.util.List;

/**
 * Who may register before reaching voting age: someone who reaches the election's voting age by the
 * end of the {@code windowMonths} months beginning with the next {@code windowStart} strictly after
 * the assessment date (RPA 1983 s.4(5)). {@code minimumAge} applies only when {@code
 * minimumAgeSwitch} reads permissive (Scotland, UNCONFIRMED item 4).
 */
record AttainerRule(
    String id,
    MonthDay windowStart,
    int windowMonths,
    Integer minimumAge,
    String minimumAgeSwitch,
    List<String> sources,
    String description) {
  AttainerRule {
    sources = Lists.copy(sources);
  }
}
