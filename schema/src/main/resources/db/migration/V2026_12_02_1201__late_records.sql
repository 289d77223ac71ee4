-- When a participant's right to write into a drive ended, so that a record captured while it held
-- is still accepted (flagged 'late') within the grace period after it ended (docs/sync-protocol.md,
-- "Late records"): the drive's closing, an unassignment, or the removal of the drive's region.

ALTER TABLE drives ADD COLUMN closed_at timestamptz;
-- Closed before this column existed: the last change of a closed drive is its closing.
UPDATE drives SET closed_at = updated_at WHERE status = 'closed';
ALTER TABLE drives ADD CONSTRAINT drives_closed_at_check CHECK ((status = 'closed') = (closed_at IS NOT NULL));

ALTER TABLE drive_assignments ADD COLUMN unassigned_at timestamptz;
-- Unassigned at an unknown time before this column existed: their grace starts now rather than
-- their phones' records being refused outright.
UPDATE drive_assignments SET unassigned_at = now() WHERE NOT active;
ALTER TABLE drive_assignments
  ADD CONSTRAINT drive_assignments_unassigned_at_check CHECK (active = (unassigned_at IS NULL));

-- user_regions rows are deleted when a region is taken away; this keeps when, whichever code path
-- took it (a trigger, so no writer of user_regions can forget it). Re-adding the region clears it.
CREATE TABLE user_region_removals (
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  region_code text NOT NULL REFERENCES regions (code),
  removed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, region_code)
);

CREATE FUNCTION user_region_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO user_region_removals (user_id, region_code) VALUES (OLD.user_id, OLD.region_code)
  ON CONFLICT (user_id, region_code) DO UPDATE SET removed_at = now();
  RETURN OLD;
END
$$;

CREATE FUNCTION user_region_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM user_region_removals WHERE user_id = NEW.user_id AND region_code = NEW.region_code;
  RETURN NEW;
END
$$;

CREATE TRIGGER user_regions_removed AFTER DELETE ON user_regions
  FOR EACH ROW EXECUTE FUNCTION user_region_removed();
CREATE TRIGGER user_regions_added AFTER INSERT ON user_regions
  FOR EACH ROW EXECUTE FUNCTION user_region_added();

GRANT SELECT, INSERT, UPDATE, DELETE ON user_region_removals TO ${appRole};

-- 'late': applied after the drive closed or the participant's assignment or region ended.
ALTER TABLE drive_records DROP CONSTRAINT IF EXISTS drive_records_flags_check;
ALTER TABLE drive_records ADD CONSTRAINT drive_records_flags_check
  CHECK (flags <@ ARRAY['clock_skew', 'conflict', 'outdated_ruleset', 'late']);
