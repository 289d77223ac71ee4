package org.drivesync.db;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Adds signed deltas to the metrics aggregates, one statement per table in db/MetricsWriteDao/*.sql
 * (runnable in psql). Each first nets the deltas at its own grain (an edit that only changed the
 * age band is a no-op for the drive and region tables, and takes no lock there), then upserts in
 * primary-key order (ORDER BY before ON CONFLICT), so every transaction locks shared aggregate rows
 * in the same order.
 */
@UseClasspathSqlLocator
public interface MetricsWriteDao {
  /** Column-wise deltas at the finest grain, one element per key and outcome, netted, non-zero. */
  record Deltas(
      String[] days,
      String[] regions,
      String[] councils,
      UUID[] drives,
      UUID[] participants,
      String[] outcomes,
      String[] bases,
      String[] ageBands,
      String[] languages,
      String[] firstTimes,
      int[] contacts,
      int[] eligible) {}

  @SqlUpdate
  void addFacts(@BindMethods Deltas deltas);

  @SqlUpdate
  void addDriveDays(@BindMethods Deltas deltas);

  @SqlUpdate
  void addRegionDays(@BindMethods Deltas deltas);
}
