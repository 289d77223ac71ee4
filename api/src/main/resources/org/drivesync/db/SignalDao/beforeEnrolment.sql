-- Records said to be made on a device before that device was enrolled.
WITH scoped AS (SELECT * FROM records_in_period(CAST(:region AS text), :start, :end))
SELECT 'before_enrolment' AS kind, 'participant' AS subject_type, r.recorded_by AS subject_id,
       min(r.region_code) AS region_code,
       jsonb_build_object(
         'records', count(*),
         'deviceId', r.device_id,
         'deviceEnrolledAt', dv.enrolled_at,
         'earliestRecordedAt', min(r.recorded_at),
         -- the first 20 ids
         'recordIds', trim_array(
           array_agg(r.id ORDER BY r.recorded_at, r.id),
           greatest(count(*) - 20, 0)::int)) AS evidence
FROM scoped r JOIN devices dv ON dv.id = r.device_id
WHERE r.recorded_at < dv.enrolled_at - make_interval(mins => :graceMinutes)
GROUP BY r.recorded_by, r.device_id, dv.enrolled_at
ORDER BY count(*) DESC
LIMIT 200
