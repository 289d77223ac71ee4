-- The records an integrity-signal query reads (api: db/SignalDao/*.sql): live, in one region or
-- every region (NULL), and recorded or received within [period_start, period_end) — a wrong
-- device clock can put recorded_at anywhere, so receipt counts too. A plain SQL function, so the
-- planner inlines it into each query as if it were written there.
CREATE FUNCTION records_in_period(region text, period_start timestamptz, period_end timestamptz)
RETURNS SETOF drive_records
LANGUAGE sql STABLE AS $$
  SELECT r.* FROM drive_records r
  WHERE NOT r.deleted
    AND (region IS NULL OR r.region_code = region)
    AND ((r.recorded_at >= period_start AND r.recorded_at < period_end)
         OR (r.received_at >= period_start AND r.received_at < period_end))
$$;

REVOKE ALL ON FUNCTION records_in_period(text, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION records_in_period(text, timestamptz, timestamptz) TO ${appRole};
