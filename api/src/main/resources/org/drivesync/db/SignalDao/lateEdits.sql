-- Edits a participant made to their own records long after first sending them.
WITH scoped AS (SELECT * FROM records_in_period(CAST(:region AS text), :start, :end))
SELECT 'late_edits' AS kind, 'participant' AS subject_type, r.recorded_by AS subject_id,
       min(r.region_code) AS region_code,
       jsonb_build_object(
         'edits', count(*),
         'records', count(DISTINCT r.id),
         'longestDelayHours',
           round((extract(epoch FROM max(v.received_at - r.received_at)) / 3600)::numeric, 1),
         -- the first 20 ids
         'recordIds', trim_array(
           array_agg(DISTINCT r.id),
           greatest(count(DISTINCT r.id) - 20, 0)::int)) AS evidence
FROM scoped r
JOIN drive_record_versions v ON v.record_id = r.id AND v.version > 1
WHERE v.author_id = r.recorded_by
  AND v.received_at > r.received_at + make_interval(hours => :afterHours)
GROUP BY r.recorded_by
HAVING count(*) >= :minEdits
ORDER BY count(*) DESC
LIMIT 200
