-- Records whose UK date of recording falls outside their drive's dates.
WITH scoped AS (SELECT * FROM records_in_period(CAST(:region AS text), :start, :end))
SELECT 'outside_drive_dates' AS kind, 'drive' AS subject_type, d.id AS subject_id,
       d.region_code,
       jsonb_build_object(
         'records', count(*),
         'participants', count(DISTINCT r.recorded_by),
         'driveStartsOn', d.starts_on, 'driveEndsOn', d.ends_on,
         'earliestDay', min((r.recorded_at AT TIME ZONE 'Europe/London')::date),
         'latestDay', max((r.recorded_at AT TIME ZONE 'Europe/London')::date),
         -- the first 20 ids
         'recordIds', trim_array(
           array_agg(r.id ORDER BY r.recorded_at, r.id),
           greatest(count(*) - 20, 0)::int)) AS evidence
FROM scoped r JOIN drives d ON d.id = r.drive_id
WHERE (r.recorded_at AT TIME ZONE 'Europe/London')::date NOT BETWEEN d.starts_on AND d.ends_on
GROUP BY d.id, d.region_code, d.starts_on, d.ends_on
HAVING count(*) >= :minRecords
ORDER BY count(*) DESC
LIMIT 200
