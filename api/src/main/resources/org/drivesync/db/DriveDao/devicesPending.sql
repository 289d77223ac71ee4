-- Phones that may still hold records of a drive: the enrolled, unrevoked devices of everyone ever
-- assigned to it that have not pushed since the participant could last write into it. That moment
-- is the end of the drive's last day (UK time), or its closing or the participant's unassignment
-- if earlier; a push after it carried everything captured before it.
WITH drive AS (
  SELECT d.id,
         least(coalesce(d.closed_at, now()),
               (d.ends_on + 1)::timestamp AT TIME ZONE 'Europe/London') AS work_ended
  FROM drives d
  WHERE d.id = :driveId
)
SELECT dv.id AS device_id, u.id AS participant_id, u.name AS participant_name, dv.last_push_at
FROM drive
JOIN drive_assignments a ON a.drive_id = drive.id
JOIN users u ON u.id = a.participant_id
JOIN devices dv ON dv.user_id = a.participant_id AND dv.revoked_at IS NULL
CROSS JOIN LATERAL (SELECT least(drive.work_ended, a.unassigned_at) AS could_write_until) w
WHERE dv.enrolled_at < w.could_write_until
  AND (dv.last_push_at IS NULL OR dv.last_push_at < w.could_write_until)
ORDER BY u.name, u.id, dv.id
