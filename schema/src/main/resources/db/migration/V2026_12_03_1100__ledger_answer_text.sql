-- The idempotency ledger keeps each result as the JSON text the device was answered with, in
-- `answer`: PostgreSQL stores it without parsing it into jsonb (about 1 KB per pushed record with
-- its record view), and a replay answers the very same bytes. Rows written before keep their
-- jsonb `result`; exactly one of the two is set. Nothing queries inside a stored answer.
ALTER TABLE sync_mutations ADD COLUMN answer text;
ALTER TABLE sync_mutations ALTER COLUMN result DROP NOT NULL;
ALTER TABLE sync_mutations
  ADD CONSTRAINT sync_mutations_one_result CHECK ((result IS NULL) <> (answer IS NULL)) NOT VALID;
ALTER TABLE sync_mutations VALIDATE CONSTRAINT sync_mutations_one_result;
