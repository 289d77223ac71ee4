-- Identities, devices, drives and access tokens. Tokens and enrolment codes are stored only as
-- SHA-256 hashes: a copy of this database cannot be used to act as anyone.

CREATE TABLE users (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email              text CHECK (email IS NULL OR email = lower(email)),
  role               text NOT NULL CHECK (role IN ('participant', 'organiser', 'staff', 'admin')),
  password_hash      text,
  cohort             text CHECK (cohort IS NULL OR length(cohort) <= 100),
  trained_on         date,
  active             boolean NOT NULL DEFAULT true,
  failed_logins      integer NOT NULL DEFAULT 0,
  locked_until       timestamptz,
  created_by         uuid REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  -- Participants sign in with enrolled devices only; everyone else needs an email to sign in.
  CHECK (role = 'participant' OR email IS NOT NULL OR password_hash IS NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (email) WHERE email IS NOT NULL;

CREATE TABLE user_regions (
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  region_code text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (user_id, region_code)
);
CREATE INDEX user_regions_region_idx ON user_regions (region_code);

CREATE TABLE devices (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id          uuid NOT NULL REFERENCES users (id),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  app_version      text NOT NULL CHECK (length(app_version) BETWEEN 1 AND 50),
  enrolled_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at       timestamptz,
  last_seen_at     timestamptz,
  last_push_at     timestamptz,
  last_pull_at     timestamptz,
  pull_cursor_xid  bigint,
  clock_offset_ms  bigint,
  last_error       text
);
CREATE INDEX devices_user_idx ON devices (user_id);

-- One row per bearer token: sessions (people), device tokens and the bootstrap admin token.
CREATE TABLE access_tokens (
  token_hash  bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  kind        text NOT NULL CHECK (kind IN ('session', 'device', 'bootstrap')),
  user_id     uuid NOT NULL REFERENCES users (id),
  device_id   uuid REFERENCES devices (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  CHECK ((kind = 'device') = (device_id IS NOT NULL))
);
CREATE INDEX access_tokens_user_idx ON access_tokens (user_id);
CREATE INDEX access_tokens_device_idx ON access_tokens (device_id);

CREATE TABLE enrolments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users (id),
  code_hash   bytea NOT NULL UNIQUE CHECK (length(code_hash) = 32),
  created_by  uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  device_id   uuid REFERENCES devices (id),
  -- The QR image is re-drawn from the code, which is kept only while it can still be used.
  qr_payload  text
);
CREATE INDEX enrolments_user_idx ON enrolments (user_id);

CREATE TABLE drives (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  local_authority_code text NOT NULL REFERENCES local_authorities (code),
  region_code          text NOT NULL REFERENCES regions (code),
  venue_type           text NOT NULL CHECK (venue_type IN ('community_centre', 'place_of_worship',
                         'college_or_university', 'market_or_street', 'workplace', 'online', 'other')),
  starts_on            date NOT NULL,
  ends_on              date NOT NULL,
  status               text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'closed')),
  created_by           uuid NOT NULL REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  -- Transaction id of the last change: the pull feed's commit-safe position (see docs/sync-protocol.md).
  change_xid           bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX drives_region_idx ON drives (region_code, status);

CREATE TABLE drive_assignments (
  drive_id        uuid NOT NULL REFERENCES drives (id),
  participant_id  uuid NOT NULL REFERENCES users (id),
  active          boolean NOT NULL DEFAULT true,
  change_xid      bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  PRIMARY KEY (drive_id, participant_id)
);
CREATE INDEX drive_assignments_participant_idx ON drive_assignments (participant_id, change_xid);

GRANT SELECT, INSERT, UPDATE ON users, devices, access_tokens, enrolments, drives, drive_assignments
  TO ${appRole};
GRANT SELECT, INSERT, DELETE ON user_regions TO ${appRole};
