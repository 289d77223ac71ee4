package org.drivesync.db;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Adds signed deltas to the metrics aggregates. Each statement first nets the deltas at its own
 * grain (an edit that only changed the age band is a no-op for the drive and region tables, and
 * takes no lock there), then upserts in primary-key order (ORDER BY before ON CONFLICT), so every
 * transaction locks shared aggregate rows in the same order.
 */
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

  String DELTAS =
      """
      unnest(CAST(:days AS date[]), :regions, :councils, :drives, :participants, :outcomes,
             :bases, :ageBands, :languages, :firstTimes, :contacts, :eligible)
        AS d(day, region_code, local_authority_code, drive_id, participant_id, outcome, basis,
             age_band, language, first_time, contacts, eligible)
      """;

  String COUNT_COLUMNS =
      """
      registered_on_site, pledged, already_registered, not_eligible, declined, follow_up,
      eligible_registered_on_site, eligible_pledged, eligible_already_registered,
      eligible_not_eligible, eligible_declined, eligible_follow_up
      """;

  /** Outcome rows turned into the count columns. */
  String PIVOT =
      """
      coalesce(sum(contacts) FILTER (WHERE outcome = 'registered_on_site'), 0),
      coalesce(sum(contacts) FILTER (WHERE outcome = 'pledged'), 0),
      coalesce(sum(contacts) FILTER (WHERE outcome = 'already_registered'), 0),
      coalesce(sum(contacts) FILTER (WHERE outcome = 'not_eligible'), 0),
      coalesce(sum(contacts) FILTER (WHERE outcome = 'declined'), 0),
      coalesce(sum(contacts) FILTER (WHERE outcome = 'follow_up'), 0),
      coalesce(sum(eligible) FILTER (WHERE outcome = 'registered_on_site'), 0),
      coalesce(sum(eligible) FILTER (WHERE outcome = 'pledged'), 0),
      coalesce(sum(eligible) FILTER (WHERE outcome = 'already_registered'), 0),
      coalesce(sum(eligible) FILTER (WHERE outcome = 'not_eligible'), 0),
      coalesce(sum(eligible) FILTER (WHERE outcome = 'declined'), 0),
      coalesce(sum(eligible) FILTER (WHERE outcome = 'follow_up'), 0)
      """;

  String ADD_COUNTS =
      """
      DO UPDATE SET
        registered_on_site = m.registered_on_site + EXCLUDED.registered_on_site,
        pledged = m.pledged + EXCLUDED.pledged,
        already_registered = m.already_registered + EXCLUDED.already_registered,
        not_eligible = m.not_eligible + EXCLUDED.not_eligible,
        declined = m.declined + EXCLUDED.declined,
        follow_up = m.follow_up + EXCLUDED.follow_up,
        eligible_registered_on_site = m.eligible_registered_on_site + EXCLUDED.eligible_registered_on_site,
        eligible_pledged = m.eligible_pledged + EXCLUDED.eligible_pledged,
        eligible_already_registered = m.eligible_already_registered + EXCLUDED.eligible_already_registered,
        eligible_not_eligible = m.eligible_not_eligible + EXCLUDED.eligible_not_eligible,
        eligible_declined = m.eligible_declined + EXCLUDED.eligible_declined,
        eligible_follow_up = m.eligible_follow_up + EXCLUDED.eligible_follow_up
      """;

  String FACT_KEY =
      "day, region_code, local_authority_code, drive_id, participant_id, basis, age_band, language,"
          + " first_time";

  @SqlUpdate(
      "INSERT INTO metrics_facts AS m ("
          + FACT_KEY
          + ", "
          + COUNT_COLUMNS
          + ")"
          + " SELECT "
          + FACT_KEY
          + ", "
          + PIVOT
          + " FROM "
          + DELTAS
          + " GROUP BY "
          + FACT_KEY
          + " ORDER BY "
          + FACT_KEY
          + " ON CONFLICT ("
          + FACT_KEY
          + ") "
          + ADD_COUNTS)
  void addFacts(@BindMethods Deltas deltas);

  String DRIVE_KEY = "region_code, day, local_authority_code, drive_id";

  @SqlUpdate(
      "INSERT INTO metrics_drive_days AS m ("
          + DRIVE_KEY
          + ", "
          + COUNT_COLUMNS
          + ")"
          + " SELECT "
          + DRIVE_KEY
          + ", "
          + PIVOT
          + " FROM (SELECT "
          + DRIVE_KEY
          + ", outcome, sum(contacts) AS contacts,"
          + " sum(eligible) AS eligible FROM "
          + DELTAS
          + " GROUP BY "
          + DRIVE_KEY
          + ", outcome"
          + " HAVING sum(contacts) <> 0 OR sum(eligible) <> 0) netted"
          + " GROUP BY "
          + DRIVE_KEY
          + " ORDER BY "
          + DRIVE_KEY
          + " ON CONFLICT ("
          + DRIVE_KEY
          + ") "
          + ADD_COUNTS)
  void addDriveDays(@BindMethods Deltas deltas);

  // The stripe is the last byte of the participant's id modulo 8, as in metrics_rebuild().
  String REGION_KEY = "region_code, day, stripe";

  @SqlUpdate(
      "INSERT INTO metrics_region_days AS m ("
          + REGION_KEY
          + ", "
          + COUNT_COLUMNS
          + ")"
          + " SELECT "
          + REGION_KEY
          + ", "
          + PIVOT
          + " FROM (SELECT region_code, day, get_byte(uuid_send(participant_id), 15) % 8 AS stripe,"
          + " outcome, sum(contacts) AS contacts, sum(eligible) AS eligible FROM "
          + DELTAS
          + " GROUP BY 1, 2, 3, 4 HAVING sum(contacts) <> 0 OR sum(eligible) <> 0) netted"
          + " GROUP BY "
          + REGION_KEY
          + " ORDER BY "
          + REGION_KEY
          + " ON CONFLICT ("
          + REGION_KEY
          + ") "
          + ADD_COUNTS)
  void addRegionDays(@BindMethods Deltas deltas);
}
