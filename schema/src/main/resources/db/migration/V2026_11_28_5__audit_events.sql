-- The audit trail: append-only and hash-chained.
-- hash = SHA-256(previous hash || canonical JSON of the row), computed by the service while it holds
-- a transaction-scoped advisory lock, so the chain is linear. Verification walks rows by seq.

CREATE TABLE audit_events (
  seq             bigint PRIMARY KEY,
  occurred_at     timestamptz NOT NULL,
  actor_user_id   uuid,
  actor_device_id uuid,
  action          text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
  entity_type     text,
  entity_id       text,
  request_id      text,
  details         jsonb NOT NULL DEFAULT '{}',
  prev_hash       bytea NOT NULL CHECK (length(prev_hash) = 32),
  hash            bytea NOT NULL UNIQUE CHECK (length(hash) = 32)
);
CREATE SEQUENCE audit_events_seq;
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, seq);
CREATE INDEX audit_events_action_idx ON audit_events (action, seq);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at);

-- Backstop behind the grants: even the owner cannot rewrite history without disabling this trigger,
-- and a rewrite that does get through breaks the hash chain.
CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_events_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

REVOKE ALL ON audit_events FROM PUBLIC;
GRANT SELECT, INSERT ON audit_events TO ${appRole};
GRANT USAGE ON SEQUENCE audit_events_seq TO ${appRole};
