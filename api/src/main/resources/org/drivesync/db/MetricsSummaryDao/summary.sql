-- The one metrics read (docs/metrics.md): an aggregate table grouped by up to four dimensions,
-- within filters. Every parameter is a value; none is spliced into the text.
--   :grain        'region_day', 'drive_day' or 'fact': the coarsest table with every column asked
--   :groupBy      the dimensions to group by ('region', 'week', 'outcome', ...), as an array
--   :k0 .. :k3    the same in order, one a slot, or null
--   :byOutcome    whether one of them is 'outcome' (the outcome columns then become rows)
--   :from, :to    days, inclusive; :regions, :localAuthority, :driveId: filters; null for none
--   :limit        at most this many rows
-- Keys come back as text (k0 .. k3), ordered as their own types would order them.
-- By hand in psql: \set each parameter, one a line, as an SQL literal, then \i this file:
--   \set grain '''region_day'''
--   \set groupBy '''{region,week}'''
--   \set k0 '''region'''
--   \set k1 '''week'''
--   \set k2 NULL
--   \set k3 NULL
--   \set byOutcome false
--   \set from '''2026-01-01'''
--   \set to NULL
--   \set regions NULL
--   \set localAuthority NULL
--   \set driveId NULL
--   \set limit 100
WITH aggregates AS (
  -- One branch per table; the two not asked for are skipped at run time (a constant filter).
  SELECT day, region_code, NULL::text AS local_authority_code, NULL::uuid AS drive_id,
         NULL::uuid AS participant_id, NULL::text AS basis, NULL::text AS age_band,
         NULL::text AS language, NULL::text AS first_time,
         registered_on_site, pledged, already_registered, not_eligible, declined, follow_up,
         eligible_registered_on_site, eligible_pledged, eligible_already_registered,
         eligible_not_eligible, eligible_declined, eligible_follow_up
  FROM metrics_region_days WHERE CAST(:grain AS text) = 'region_day'
  UNION ALL
  SELECT day, region_code, local_authority_code, drive_id, NULL, NULL, NULL, NULL, NULL,
         registered_on_site, pledged, already_registered, not_eligible, declined, follow_up,
         eligible_registered_on_site, eligible_pledged, eligible_already_registered,
         eligible_not_eligible, eligible_declined, eligible_follow_up
  FROM metrics_drive_days WHERE CAST(:grain AS text) = 'drive_day'
  UNION ALL
  SELECT day, region_code, local_authority_code, drive_id, participant_id, basis, age_band,
         language, first_time,
         registered_on_site, pledged, already_registered, not_eligible, declined, follow_up,
         eligible_registered_on_site, eligible_pledged, eligible_already_registered,
         eligible_not_eligible, eligible_declined, eligible_follow_up
  FROM metrics_facts WHERE CAST(:grain AS text) = 'fact'
),
counted AS (
  -- n: contacts, e: of them eligible, en: eligible and not yet registered. Grouped by outcome,
  -- each aggregate row becomes one row per outcome; otherwise the join adds nothing (its
  -- condition is false) and the row keeps its totals, with a null outcome.
  SELECT a.*, o.outcome,
         coalesce(o.n, a.registered_on_site + a.pledged + a.already_registered + a.not_eligible
                       + a.declined + a.follow_up) AS n,
         coalesce(o.e, a.eligible_registered_on_site + a.eligible_pledged
                       + a.eligible_already_registered + a.eligible_not_eligible
                       + a.eligible_declined + a.eligible_follow_up) AS e,
         coalesce(o.en, a.eligible_registered_on_site + a.eligible_pledged
                        + a.eligible_not_eligible + a.eligible_declined + a.eligible_follow_up)
           AS en
  FROM aggregates a
  LEFT JOIN LATERAL (VALUES
    ('registered_on_site', a.registered_on_site, a.eligible_registered_on_site,
     a.eligible_registered_on_site),
    ('pledged', a.pledged, a.eligible_pledged, a.eligible_pledged),
    ('already_registered', a.already_registered, a.eligible_already_registered, 0),
    ('not_eligible', a.not_eligible, a.eligible_not_eligible, a.eligible_not_eligible),
    ('declined', a.declined, a.eligible_declined, a.eligible_declined),
    ('follow_up', a.follow_up, a.eligible_follow_up, a.eligible_follow_up)
  ) AS o(outcome, n, e, en) ON CAST(:byOutcome AS boolean)
  WHERE (CAST(:from AS date) IS NULL OR a.day >= CAST(:from AS date))
    AND (CAST(:to AS date) IS NULL OR a.day <= CAST(:to AS date))
    AND (CAST(:regions AS text[]) IS NULL OR a.region_code = ANY(CAST(:regions AS text[])))
    AND (CAST(:localAuthority AS text) IS NULL
         OR a.local_authority_code = CAST(:localAuthority AS text))
    AND (CAST(:driveId AS uuid) IS NULL OR a.drive_id = CAST(:driveId AS uuid))
),
grouped AS (
  -- Grouped by each dimension asked for, in its own type; the others are a constant null. The
  -- week is the Monday of the ISO week, the month its first day (truncating a timestamp, not a
  -- timestamptz: no zone arithmetic).
  SELECT
    CASE WHEN 'region' = ANY(CAST(:groupBy AS text[])) THEN region_code END AS region,
    CASE WHEN 'local_authority' = ANY(CAST(:groupBy AS text[])) THEN local_authority_code END
      AS local_authority,
    CASE WHEN 'drive' = ANY(CAST(:groupBy AS text[])) THEN drive_id END AS drive,
    CASE WHEN 'participant' = ANY(CAST(:groupBy AS text[])) THEN participant_id END AS participant,
    CASE WHEN 'day' = ANY(CAST(:groupBy AS text[])) THEN day END AS day,
    CASE WHEN 'week' = ANY(CAST(:groupBy AS text[]))
      THEN date_trunc('week', day::timestamp)::date END AS week,
    CASE WHEN 'month' = ANY(CAST(:groupBy AS text[]))
      THEN date_trunc('month', day::timestamp)::date END AS month,
    CASE WHEN 'outcome' = ANY(CAST(:groupBy AS text[])) THEN outcome END AS outcome,
    CASE WHEN 'basis' = ANY(CAST(:groupBy AS text[])) THEN nullif(basis, '') END AS basis,
    CASE WHEN 'age_band' = ANY(CAST(:groupBy AS text[])) THEN nullif(age_band, '') END AS age_band,
    CASE WHEN 'language' = ANY(CAST(:groupBy AS text[])) THEN nullif(language, '') END AS language,
    CASE WHEN 'first_time' = ANY(CAST(:groupBy AS text[]))
      THEN CASE first_time WHEN 'yes' THEN true WHEN 'no' THEN false END END AS first_time,
    coalesce(sum(n), 0) AS contacts,
    coalesce(sum(registered_on_site) FILTER (WHERE outcome IS NULL
                                             OR outcome = 'registered_on_site'), 0)
      AS registered_on_site,
    coalesce(sum(pledged) FILTER (WHERE outcome IS NULL OR outcome = 'pledged'), 0) AS pledged,
    coalesce(sum(already_registered) FILTER (WHERE outcome IS NULL
                                             OR outcome = 'already_registered'), 0)
      AS already_registered,
    coalesce(sum(not_eligible) FILTER (WHERE outcome IS NULL OR outcome = 'not_eligible'), 0)
      AS not_eligible,
    coalesce(sum(declined) FILTER (WHERE outcome IS NULL OR outcome = 'declined'), 0)
      AS declined,
    coalesce(sum(follow_up) FILTER (WHERE outcome IS NULL OR outcome = 'follow_up'), 0)
      AS follow_up,
    coalesce(sum(e), 0) AS eligible_reached,
    coalesce(sum(en), 0) AS eligible_not_registered
  FROM counted
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
  -- Groups whose records were all deleted or moved away remain as zero rows: leave them out
  -- (with no dimension at all there is one row even then: the totals).
  HAVING CAST(:k0 AS text) IS NULL OR sum(n) > 0
)
-- The keys in the order asked, as text: one CASE per slot, alike on purpose (with the parameters
-- known, PostgreSQL folds each to the one column asked for). As text they order as their types
-- would: ISO days, lower-case uuids, 'false' before 'true'.
SELECT
  CASE CAST(:k0 AS text) WHEN 'region' THEN region WHEN 'local_authority' THEN local_authority
    WHEN 'drive' THEN drive::text WHEN 'participant' THEN participant::text
    WHEN 'day' THEN day::text WHEN 'week' THEN week::text WHEN 'month' THEN month::text
    WHEN 'outcome' THEN outcome WHEN 'basis' THEN basis WHEN 'age_band' THEN age_band
    WHEN 'language' THEN language WHEN 'first_time' THEN first_time::text END AS k0,
  CASE CAST(:k1 AS text) WHEN 'region' THEN region WHEN 'local_authority' THEN local_authority
    WHEN 'drive' THEN drive::text WHEN 'participant' THEN participant::text
    WHEN 'day' THEN day::text WHEN 'week' THEN week::text WHEN 'month' THEN month::text
    WHEN 'outcome' THEN outcome WHEN 'basis' THEN basis WHEN 'age_band' THEN age_band
    WHEN 'language' THEN language WHEN 'first_time' THEN first_time::text END AS k1,
  CASE CAST(:k2 AS text) WHEN 'region' THEN region WHEN 'local_authority' THEN local_authority
    WHEN 'drive' THEN drive::text WHEN 'participant' THEN participant::text
    WHEN 'day' THEN day::text WHEN 'week' THEN week::text WHEN 'month' THEN month::text
    WHEN 'outcome' THEN outcome WHEN 'basis' THEN basis WHEN 'age_band' THEN age_band
    WHEN 'language' THEN language WHEN 'first_time' THEN first_time::text END AS k2,
  CASE CAST(:k3 AS text) WHEN 'region' THEN region WHEN 'local_authority' THEN local_authority
    WHEN 'drive' THEN drive::text WHEN 'participant' THEN participant::text
    WHEN 'day' THEN day::text WHEN 'week' THEN week::text WHEN 'month' THEN month::text
    WHEN 'outcome' THEN outcome WHEN 'basis' THEN basis WHEN 'age_band' THEN age_band
    WHEN 'language' THEN language WHEN 'first_time' THEN first_time::text END AS k3,
  contacts, registered_on_site, pledged, already_registered, not_eligible, declined, follow_up,
  eligible_reached, eligible_not_registered
FROM grouped
ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3 NULLS LAST, 4 NULLS LAST
LIMIT :limit
