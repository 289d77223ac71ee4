package org.drivesync.db;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The one metrics read, {@code db/MetricsSummaryDao/summary.sql}: a fixed statement, runnable in
 * psql as it is, whose grain, dimensions and filters are all bind parameters.
 */
@UseClasspathSqlLocator
public interface MetricsSummaryDao {
  /**
   * What to read: the grain ({@code region_day}, {@code drive_day} or {@code fact}), the dimension
   * names to group by, the same again one a slot in order (null when unused), and the filters (null
   * for none).
   */
  record Query(
      String grain,
      String[] groupBy,
      String k0,
      String k1,
      String k2,
      String k3,
      boolean byOutcome,
      LocalDate from,
      LocalDate to,
      String[] regions,
      String localAuthority,
      UUID driveId) {}

  /** One group: its keys as text (null for unused slots), then its exact counts. */
  record Row(
      String k0,
      String k1,
      String k2,
      String k3,
      long contacts,
      long registeredOnSite,
      long pledged,
      long alreadyRegistered,
      long notEligible,
      long declined,
      long followUp,
      long eligibleReached,
      long eligibleNotRegistered) {}

  @SqlQuery
  @RegisterConstructorMapper(Row.class)
  List<Row> summary(@BindMethods Query query, @Bind("limit") int limit);
}
