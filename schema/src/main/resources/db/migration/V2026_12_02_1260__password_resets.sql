-- One-time password-reset tokens (issue 12): an admin issues one, the person redeems it once
-- before it expires. Only the SHA-256 of the token is kept (it has full entropy, like
-- access_tokens); at most one row per person, replaced when a new reset is issued.
CREATE TABLE password_resets (
  user_id     uuid PRIMARY KEY REFERENCES users (id),
  token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  -- NULL when issued by the create-admin command rather than by an admin through the API.
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
  used_at     timestamptz
);

GRANT SELECT, INSERT, UPDATE, DELETE ON password_resets TO ${appRole};
