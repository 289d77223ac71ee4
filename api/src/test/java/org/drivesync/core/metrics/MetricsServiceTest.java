package org.drivesync.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.drivesync.auth.Caller;
import org.drivesync.auth.Role;
import org.drivesync.db.Jdbis;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.drivesync.testing.TestKeys;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fixed summary statement (db/MetricsSummaryDao/summary.sql) over hand-made aggregates. */
class MetricsServiceTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = PostgresDatabaseExtension.migrated();

  private static final Caller STAFF =
      new Caller(UUID.randomUUID(), Role.STAFF, Set.of(), null, null);
  private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  private static final LocalDate TO = LocalDate.of(2026, 12, 31);

  private final Jdbi jdbi = Jdbis.configure(Jdbi.create(db.ownerDataSource()));
  private final MetricsService metrics = new MetricsService(jdbi, TestKeys.auditLog());

  @BeforeEach
  void emptyTheAggregates() {
    jdbi.useHandle(h -> h.execute("DELETE FROM metrics_region_days"));
  }

  private void regionDay(String region, String day, int stripe, String columns, String values) {
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO metrics_region_days (region_code, day, stripe, "
                    + columns
                    + ") VALUES (?, CAST(? AS date), ?, "
                    + values
                    + ")",
                region,
                day,
                stripe));
  }

  private Summary summary(Dimension... groupBy) {
    return metrics.summary(STAFF, new SummaryRequest(FROM, TO, null, null, null, List.of(groupBy)));
  }

  @Test
  void groupingByOutcomeSplitsTheSameCountsTheWideRowsAdd() {
    regionDay(
        "E12000004",
        "2026-06-01",
        0,
        "registered_on_site, pledged, already_registered, eligible_registered_on_site,"
            + " eligible_pledged, eligible_already_registered",
        "2, 1, 3, 2, 1, 1");
    regionDay("E12000004", "2026-06-02", 1, "declined", "4");
    regionDay("E12000005", "2026-06-09", 0, "follow_up, eligible_follow_up", "1, 1");

    Map<String, Object> totals = summary().totals();
    assertThat(totals)
        .containsEntry("contacts", 11L)
        .containsEntry("registeredOnSite", 2L)
        .containsEntry("alreadyRegistered", 3L)
        .containsEntry("eligibleReached", 5L)
        // 2 registered of the 4 eligible who were not registered already.
        .containsEntry("registrationRate", 0.5);
    assertThat(summary(Dimension.OUTCOME).totals()).isEqualTo(totals);
    assertThat(summary(Dimension.REGION, Dimension.WEEK).totals()).isEqualTo(totals);

    List<Map<String, Object>> byOutcome = summary(Dimension.OUTCOME).rows();
    assertThat(byOutcome)
        .extracting(row -> row.get("outcome"))
        .containsExactly(
            "already_registered", "declined", "follow_up", "pledged", "registered_on_site");
    assertThat(byOutcome.get(0))
        .containsEntry("contacts", 3L)
        .containsEntry("alreadyRegistered", 3L)
        .containsEntry("registeredOnSite", 0L)
        .containsEntry("eligibleReached", 1L);

    List<Map<String, Object>> byRegionWeek = summary(Dimension.REGION, Dimension.WEEK).rows();
    assertThat(byRegionWeek)
        .extracting(row -> row.get("region") + " " + row.get("week") + " " + row.get("contacts"))
        .containsExactly("E12000004 2026-06-01 10", "E12000005 2026-06-08 1");
  }

  @Test
  void withoutADimensionTheAnswerIsOneRowOfTotalsEvenOverNothing() {
    assertThat(summary().rows()).hasSize(1);
    assertThat(summary().rows().get(0)).containsEntry("contacts", 0L);
    assertThat(summary(Dimension.OUTCOME).rows()).isEmpty();
    assertThat(summary(Dimension.REGION).rows()).isEmpty();
  }
}
