-- Adds signed deltas to metrics_region_days (docs/metrics.md), netted at this grain first. The
-- stripe is the last byte of the participant's id modulo 8, as in metrics_rebuild().
-- Parameters: one array per column of the deltas (:days, :regions, :councils, :drives,
-- :participants, :outcomes, :bases, :ageBands, :languages, :firstTimes, :contacts, :eligible),
-- one element per key and outcome, netted and non-zero (MetricsAggregator builds them).
-- Rows are upserted in primary-key order (ORDER BY before ON CONFLICT), so every transaction locks
-- shared aggregate rows in the same order.
INSERT INTO metrics_region_days AS m (region_code, day, stripe,
  registered_on_site, pledged, already_registered, not_eligible, declined, follow_up,
  eligible_registered_on_site, eligible_pledged, eligible_already_registered,
  eligible_not_eligible, eligible_declined, eligible_follow_up)
SELECT region_code, day, stripe,
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
FROM (
  SELECT region_code, day, get_byte(uuid_send(participant_id), 15) % 8 AS stripe, outcome,
         sum(contacts) AS contacts, sum(eligible) AS eligible
  FROM
    unnest(CAST(:days AS date[]), :regions, :councils, :drives, :participants, :outcomes,
           :bases, :ageBands, :languages, :firstTimes, :contacts, :eligible)
      AS d(day, region_code, local_authority_code, drive_id, participant_id, outcome, basis,
           age_band, language, first_time, contacts, eligible)
  GROUP BY 1, 2, 3, 4
  HAVING sum(contacts) <> 0 OR sum(eligible) <> 0
) netted
GROUP BY region_code, day, stripe
ORDER BY region_code, day, stripe
ON CONFLICT (region_code, day, stripe)
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
