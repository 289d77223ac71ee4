-- Participants and drives whose mix of outcomes is far from their region's over the period:
-- total variation distance, half the sum over outcomes of the difference in shares (0 to 1).
WITH scoped AS (SELECT * FROM records_in_period(CAST(:region AS text), :start, :end)),
region_mix AS (
  SELECT region_code, outcome,
         count(*)::float8 / sum(count(*)) OVER (PARTITION BY region_code) AS share
  FROM scoped GROUP BY region_code, outcome
),
subject_counts AS (
  SELECT 'participant' AS subject_type, region_code, recorded_by AS subject_id, outcome, count(*) AS n
  FROM scoped GROUP BY region_code, recorded_by, outcome
  UNION ALL
  SELECT 'drive', region_code, drive_id, outcome, count(*)
  FROM scoped GROUP BY region_code, drive_id, outcome
),
subjects AS (
  SELECT subject_type, region_code, subject_id, sum(n) AS total
  FROM subject_counts GROUP BY subject_type, region_code, subject_id
  HAVING sum(n) >= :minRecords
),
distances AS (
  SELECT s.subject_type, s.region_code, s.subject_id, s.total,
         0.5 * sum(abs(coalesce(c.n, 0)::float8 / s.total - m.share)) AS distance,
         jsonb_object_agg(m.outcome, coalesce(c.n, 0)) AS counts,
         jsonb_object_agg(m.outcome, round(m.share::numeric, 3)) AS region_shares
  FROM subjects s
  JOIN region_mix m ON m.region_code = s.region_code
  LEFT JOIN subject_counts c ON c.subject_type = s.subject_type AND c.subject_id = s.subject_id
                            AND c.region_code = s.region_code AND c.outcome = m.outcome
  GROUP BY s.subject_type, s.region_code, s.subject_id, s.total
)
SELECT 'outcome_mix' AS kind, subject_type, subject_id, region_code,
       jsonb_build_object('records', total, 'distance', round(distance::numeric, 3),
                          'outcomes', counts, 'regionShares', region_shares) AS evidence
FROM distances
WHERE distance >= :minDistance
ORDER BY distance DESC
LIMIT 200
