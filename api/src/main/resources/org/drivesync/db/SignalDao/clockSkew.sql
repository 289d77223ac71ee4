-- Records a device flagged clock_skew: in the future, or before their drive began.
-- Records of the period: recorded or received within it (a wrong device clock can put
-- recorded_at anywhere), live, in the region asked for or in every region.
WITH scoped AS (
  SELECT r.* FROM drive_records r
  WHERE NOT r.deleted
    AND (CAST(:region AS text) IS NULL OR r.region_code = CAST(:region AS text))
    AND ((r.recorded_at >= :start AND r.recorded_at < :end)
         OR (r.received_at >= :start AND r.received_at < :end))
)
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
