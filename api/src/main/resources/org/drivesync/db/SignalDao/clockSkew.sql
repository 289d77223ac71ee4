-- Records a device flagged clock_skew: in the future, or before their drive began.
WITH scoped AS (SELECT * FROM records_in_period(CAST(:region AS text), :start, :end))
SELECT 'clock_skew' AS kind, 'participant' AS subject_type, r.recorded_by AS subject_id,
       min(r.region_code) AS region_code,
       jsonb_build_object(
         'records', count(*),
         'deviceId', r.device_id,
         'deviceClockOffsetMs', dv.clock_offset_ms,
         -- the first 20 ids
         'recordIds', trim_array(
           array_agg(r.id ORDER BY r.received_at, r.id),
           greatest(count(*) - 20, 0)::int)) AS evidence
FROM scoped r LEFT JOIN devices dv ON dv.id = r.device_id
WHERE 'clock_skew' = ANY(r.flags)
GROUP BY r.recorded_by, r.device_id, dv.clock_offset_ms
HAVING count(*) >= :minRecords
ORDER BY count(*) DESC
LIMIT 200
