-- The drive_records policy, rewritten so the request scope is read once per statement rather than
-- once per row. Each scope setting sits in a scalar subquery, which PostgreSQL evaluates as an
-- InitPlan; `recorded_by = (SELECT …)` can then use the feed index like any other parameter. The
-- rule is unchanged: system and all see everything, regions their regions, a participant their own
-- records, and an unset or unknown scope nothing. Measured effect in docs/performance.md.

DROP POLICY drive_records_request_scope ON drive_records;

CREATE POLICY drive_records_request_scope ON drive_records
  USING (
    (SELECT current_setting('drivesync.scope', true)) IN ('system', 'all')
    OR ((SELECT current_setting('drivesync.scope', true)) = 'regions'
        AND region_code = ANY (CAST((SELECT string_to_array(
              current_setting('drivesync.scope_regions', true), ',')) AS text[])))
    OR ((SELECT current_setting('drivesync.scope', true)) = 'participant'
        AND recorded_by = (SELECT CAST(nullif(current_setting('drivesync.scope_user', true), '')
                                       AS uuid))))
  WITH CHECK (
    (SELECT current_setting('drivesync.scope', true)) IN ('system', 'all')
    OR ((SELECT current_setting('drivesync.scope', true)) = 'regions'
        AND region_code = ANY (CAST((SELECT string_to_array(
              current_setting('drivesync.scope_regions', true), ',')) AS text[])))
    OR ((SELECT current_setting('drivesync.scope', true)) = 'participant'
        AND recorded_by = (SELECT CAST(nullif(current_setting('drivesync.scope_user', true), '')
                                       AS uuid))));

DROP FUNCTION request_scope_covers(text, uuid);
