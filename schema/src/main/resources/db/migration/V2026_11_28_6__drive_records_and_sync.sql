-- Drive records, their full version history, the sync ledger, conflicts and quarantine.
-- A record holds no name, nationality, immigration status, date of birth, free text or location
-- beyond its drive: there are deliberately no columns for them.

CREATE TABLE drive_records (
  id                    uuid PRIMARY KEY,           -- chosen by the device
  drive_id              uuid NOT NULL REFERENCES drives (id),
  region_code           text NOT NULL REFERENCES regions (code),          -- the drive's, for scope
  local_authority_code  text NOT NULL REFERENCES local_authorities (code),
  recorded_by           uuid NOT NULL REFERENCES users (id),              -- the participant
  device_id             uuid REFERENCES devices (id),                     -- the device that created it
  version               integer NOT NULL CHECK (version >= 1),
  recorded_at           timestamptz NOT NULL,        -- device clock, kept as given, never for ordering
  outcome               text NOT NULL CHECK (outcome IN ('registered_on_site', 'pledged',
                          'already_registered', 'not_eligible', 'declined', 'follow_up')),
  guidance              jsonb,
  age_band              text CHECK (age_band IN ('16-17', '18-24', '25-34', '35-49', '50-64', '65+')),
  first_time_registrant boolean,
  language              text CHECK (language ~ '^[a-z]{2}$'),
  deleted               boolean NOT NULL DEFAULT false,
  flags                 text[] NOT NULL DEFAULT '{}'
                          CHECK (flags <@ ARRAY['clock_skew', 'conflict', 'outdated_ruleset']),
  received_at           timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  deleted_at            timestamptz,
  -- Transaction id of the last change: the pull feed's position (docs/sync-protocol.md).
  change_xid            bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint)
);
CREATE INDEX drive_records_feed_idx ON drive_records (recorded_by, change_xid, id);
CREATE INDEX drive_records_drive_idx ON drive_records (drive_id);
CREATE INDEX drive_records_region_idx ON drive_records (region_code);
CREATE INDEX drive_records_flagged_idx ON drive_records (region_code) WHERE flags <> '{}';
CREATE INDEX drive_records_tombstone_idx ON drive_records (deleted_at) WHERE deleted;

-- Every version of every record, so nothing overwritten is ever lost.
CREATE TABLE drive_record_versions (
  record_id     uuid NOT NULL REFERENCES drive_records (id),
  version       integer NOT NULL,
  fields        jsonb NOT NULL,
  deleted       boolean NOT NULL,
  author_id     uuid NOT NULL REFERENCES users (id),
  device_id     uuid REFERENCES devices (id),
  mutation_id   uuid,
  base_version  integer,
  merge_status  text NOT NULL CHECK (merge_status IN ('applied', 'merged', 'conflict', 'resolved')),
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, version)
);

-- The idempotency ledger: one row per mutation id ever applied, with the result it got.
CREATE TABLE sync_mutations (
  mutation_id  uuid PRIMARY KEY,
  device_id    uuid NOT NULL REFERENCES devices (id),
  device_seq   bigint,
  record_id    uuid,
  fingerprint  text NOT NULL,
  result       jsonb NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_mutations_device_idx ON sync_mutations (device_id, device_seq);

CREATE TABLE record_conflicts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id       uuid NOT NULL REFERENCES drive_records (id),
  region_code     text NOT NULL REFERENCES regions (code),
  version         integer NOT NULL,            -- the version the conflicting mutation produced
  reason          text NOT NULL CHECK (reason IN ('fields', 'deleted', 'delete_supersedes_edits')),
  fields          jsonb NOT NULL,              -- [{field, yours, theirs}]
  mutation_id     uuid,
  device_id       uuid REFERENCES devices (id),
  author_id       uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  resolved_at     timestamptz,
  resolved_by     uuid REFERENCES users (id),
  resolution      jsonb
);
CREATE INDEX record_conflicts_open_idx ON record_conflicts (region_code, created_at) WHERE resolved_at IS NULL;
CREATE INDEX record_conflicts_record_idx ON record_conflicts (record_id);

-- Mutations refused by validation, for staff to inspect. Values of refused personal-data fields
-- are never kept: only the field names.
CREATE TABLE quarantined_mutations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  device_id     uuid REFERENCES devices (id),
  user_id       uuid REFERENCES users (id),
  mutation_id   text,
  record_id     text,
  error_code    text NOT NULL,
  error_message text NOT NULL,
  payload       jsonb NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quarantined_mutations_time_idx ON quarantined_mutations (received_at);

-- Tombstones older than the horizon are purged; a cursor from before it must reset.
CREATE TABLE sync_state (
  id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
  purged_through_xid bigint NOT NULL DEFAULT 0
);
INSERT INTO sync_state DEFAULT VALUES;

GRANT SELECT, INSERT, UPDATE ON drive_records, record_conflicts TO ${appRole};
GRANT SELECT, INSERT ON drive_record_versions, sync_mutations, quarantined_mutations TO ${appRole};
GRANT SELECT ON sync_state TO ${appRole};
