-- Records said to be made on a device before that device was enrolled.
-- Records of the period: recorded or received within it (a wrong device clock can put
-- recorded_at anywhere), live, in the region asked for or in every region.
WITH scoped AS (
  SELECT r.* FROM drive_records r
  WHERE NOT r.deleted
    AND (CAST(:region AS text) IS NULL OR r.region_code = CAST(:region AS text))
    AND ((r.recorded_at >= :start AND r.recorded_at < :end)
         OR (r.received_at >= :start AND r.received_at < :end))
)
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
