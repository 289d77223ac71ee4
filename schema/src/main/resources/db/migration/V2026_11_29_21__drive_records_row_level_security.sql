-- Row-level security on drive records: a second line behind the service's own scope checks, so a
-- query that forgets its region or participant filter still returns only rows the caller may see.
--
-- The service sets the scope of every transaction that touches drive_records (ScopedJdbi, with
-- set_config(..., true), i.e. SET LOCAL, so it ends with the transaction and never leaks to the next
-- user of a pooled connection):
--   drivesync.scope         'system' (trusted internal paths), 'all' (staff, admin),
--                           'regions' (organisers), 'participant'; unset or anything else: nothing
--   drivesync.scope_regions comma-separated region codes, for 'regions'
--   drivesync.scope_user    the participant's user id, for 'participant'
--
-- FORCE applies the policy to the table owner too; superusers and BYPASSRLS roles are exempt, which
-- is why the application role has neither (V2026_11_28_1). This guards against bugs in the service,
-- not against someone who can run arbitrary SQL as the application role: such a person could set
-- the scope themselves.

CREATE FUNCTION request_scope_covers(region text, recorded_by uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE current_setting('drivesync.scope', true)
    WHEN 'system' THEN true
    WHEN 'all' THEN true
    WHEN 'regions' THEN
      region = ANY (string_to_array(current_setting('drivesync.scope_regions', true), ','))
    WHEN 'participant' THEN
      recorded_by = CAST(nullif(current_setting('drivesync.scope_user', true), '') AS uuid)
    ELSE false
  END
$$;

ALTER TABLE drive_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE drive_records FORCE ROW LEVEL SECURITY;
CREATE POLICY drive_records_request_scope ON drive_records
  USING (request_scope_covers(region_code, recorded_by))
  WITH CHECK (request_scope_covers(region_code, recorded_by));
