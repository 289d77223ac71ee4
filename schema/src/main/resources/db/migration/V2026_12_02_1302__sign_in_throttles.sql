-- Sign-in throttling (issue 13) replaces the hard account lock-out: growing delays per account
-- and per client address, kept in the database so every instance applies the same ones. The key
-- is a SHA-256 of the normalised email or the address, so it is the same whether or not an
-- account exists: the answers cannot tell an attacker which emails have accounts.

CREATE TABLE sign_in_throttles (
  key             bytea PRIMARY KEY CHECK (length(key) = 32),
  kind            text NOT NULL CHECK (kind IN ('account', 'address')),
  failures        integer NOT NULL CHECK (failures > 0),
  blocked_until   timestamptz NOT NULL,
  last_failure_at timestamptz NOT NULL
);
CREATE INDEX sign_in_throttles_last_failure_idx ON sign_in_throttles (last_failure_at);

REVOKE ALL ON sign_in_throttles FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_throttles TO ${appRole};
