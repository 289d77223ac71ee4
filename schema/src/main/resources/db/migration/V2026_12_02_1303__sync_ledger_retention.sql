-- Quarantined mutations and the idempotency ledger get retention periods (issue 13): the service's
-- retention job deletes rows older than privacy.retention.quarantineDays / ledgerDays.
CREATE INDEX sync_mutations_received_idx ON sync_mutations (received_at);
GRANT DELETE ON sync_mutations, quarantined_mutations TO ${appRole};
