-- Runs of one participant's records, each less than :minSeconds after the one before:
-- quicker than a conversation takes.
WITH scoped AS (SELECT * FROM records_in_period(CAST(:region AS text), :start, :end)),
gaps AS (
  SELECT recorded_by, region_code, id, recorded_at,
         CASE WHEN lag(recorded_at) OVER w IS NULL
                   OR recorded_at - lag(recorded_at) OVER w >= make_interval(secs => :minSeconds)
              THEN 1 ELSE 0 END AS starts_run
  FROM scoped
  WINDOW w AS (PARTITION BY recorded_by ORDER BY recorded_at, id)
),
runs AS (
  SELECT *, sum(starts_run) OVER (PARTITION BY recorded_by ORDER BY recorded_at, id) AS run
  FROM gaps
)
SELECT 'burst' AS kind, 'participant' AS subject_type, recorded_by AS subject_id,
       min(region_code) AS region_code,
       jsonb_build_object(
         'records', count(*),
         'from', min(recorded_at), 'to', max(recorded_at),
         'averageSecondsApart',
           round((extract(epoch FROM max(recorded_at) - min(recorded_at)) / (count(*) - 1))::numeric, 1),
         -- the first 20 ids
         'recordIds', trim_array(
           array_agg(id ORDER BY recorded_at, id),
           greatest(count(*) - 20, 0)::int)) AS evidence
FROM runs
GROUP BY recorded_by, run
HAVING count(*) >= :minRecords
ORDER BY count(*) DESC, min(recorded_at)
LIMIT 200
