-- Consented follow-up contacts: at most one per drive record, stored only with the person's consent.
--
-- Name and contact are encrypted by the service (Tink AES-256-GCM, keysets kept outside this
-- database), with associated data binding each ciphertext to its table, column and record id so a
-- ciphertext copied to another row or column does not decrypt. The lookup columns hold a keyed
-- HMAC (its key also outside the database) of the normalised phone number or email, so staff can
-- find a person's data on request without the database ever holding the contact in clear.
--
-- Contact columns are erased (set to NULL) when the follow-up is done, when consent is withdrawn,
-- on an erasure request, when the record is deleted, or N days after capture. The row stays,
-- holding nothing that identifies anyone, so a device re-sending an old follow-up cannot bring an
-- erased contact back.

CREATE TABLE follow_ups (
  record_id          uuid PRIMARY KEY REFERENCES drive_records (id),
  channel            text NOT NULL CHECK (channel IN ('sms', 'email', 'phone')),
  notice_version     text NOT NULL CHECK (notice_version ~ '^[A-Za-z0-9._-]{1,50}$'),
  name_ciphertext    bytea,
  contact_ciphertext bytea,
  phone_hmac         bytea CHECK (length(phone_hmac) = 32),
  email_hmac         bytea CHECK (length(email_hmac) = 32),
  captured_at        timestamptz NOT NULL DEFAULT now(),
  done_at            timestamptz,
  done_by            uuid REFERENCES users (id),
  withdrawn_at       timestamptz,
  erased_at          timestamptz,
  erasure_reason     text CHECK (erasure_reason IN ('done', 'retention', 'withdrawn', 'request',
                                                    'record_deleted')),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  -- A contact is held exactly until erasure, and erasure leaves nothing that identifies anyone.
  CHECK ((erased_at IS NULL) = (contact_ciphertext IS NOT NULL)),
  CHECK ((erased_at IS NULL) = (erasure_reason IS NULL)),
  CHECK (erased_at IS NULL OR (name_ciphertext IS NULL AND phone_hmac IS NULL AND email_hmac IS NULL)),
  -- While held, exactly the lookup column of the contact's kind is set.
  CHECK (erased_at IS NOT NULL OR ((phone_hmac IS NOT NULL) = (channel IN ('sms', 'phone'))
                                   AND (email_hmac IS NOT NULL) = (channel = 'email'))),
  CHECK ((done_at IS NULL) = (done_by IS NULL))
);
CREATE INDEX follow_ups_phone_idx ON follow_ups (phone_hmac) WHERE phone_hmac IS NOT NULL;
CREATE INDEX follow_ups_email_idx ON follow_ups (email_hmac) WHERE email_hmac IS NOT NULL;
-- The staff work list and the retention sweep both read held contacts by capture time.
CREATE INDEX follow_ups_held_idx ON follow_ups (captured_at, record_id) WHERE erased_at IS NULL;

-- Only whole-service scopes see follow-ups: staff and admins ('all') and trusted internal paths
-- ('system': the push transaction, retention, key rotation). Organisers and participants see none,
-- whatever the Java code asks for. See V2026_11_29_21 for how the scope is set.
ALTER TABLE follow_ups ENABLE ROW LEVEL SECURITY;
ALTER TABLE follow_ups FORCE ROW LEVEL SECURITY;
CREATE POLICY follow_ups_request_scope ON follow_ups
  USING (current_setting('drivesync.scope', true) IN ('all', 'system'))
  WITH CHECK (current_setting('drivesync.scope', true) IN ('all', 'system'));

-- No DELETE: erasure nulls the personal columns and keeps the tombstone (see above).
GRANT SELECT, INSERT, UPDATE ON follow_ups TO ${appRole};
