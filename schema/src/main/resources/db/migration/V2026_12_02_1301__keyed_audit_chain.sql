-- The audit chain becomes keyed (issue 13): new rows carry HMAC-SHA256 under a key kept outside the
-- database, 37 bytes with Tink's 5-byte key-id prefix; rows written before keep their 32-byte
-- SHA-256 hashes and stay verifiable by the old rule. Nothing is rewritten: the existing chain is
-- kept as it is and sealed by the first keyed row (an `audit.chain_keyed` event the service writes
-- at its first start after this migration), whose MAC covers the legacy head's hash.
-- Seq is now the head's seq + 1 under the chain lock, so the sequence is no longer used by the app.

ALTER TABLE audit_events DROP CONSTRAINT audit_events_prev_hash_check;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_hash_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_prev_hash_length
  CHECK (length(prev_hash) IN (32, 37));
ALTER TABLE audit_events ADD CONSTRAINT audit_events_hash_length
  CHECK (length(hash) IN (32, 37));
ALTER TABLE audit_events ADD CONSTRAINT audit_events_seq_positive CHECK (seq > 0);
