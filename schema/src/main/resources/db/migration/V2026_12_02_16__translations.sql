-- Translations of guidance messages and labels that people made or checked through the API
-- (docs/languages.md). The draft bundles shipped with the project are files
-- (eligibility/.../i18n/bundles/); this table holds what people change: imported translations and
-- every review. A row translates one English wording of one text, so a new ruleset that rewords a
-- message finds no row for the new wording, and the old row makes it "stale" in that language.
-- A review binds to the exact text: importing a different text for the same English resets the row
-- to draft. Not personal data about the public; reviewer and importer are staff user ids.

CREATE TABLE translations (
  locale        text NOT NULL CHECK (locale ~ '^[a-z]{2,3}(-[A-Z][a-z]{3})?$'),
  text_key      text NOT NULL CHECK (text_key ~ '^(message|label):[A-Za-z0-9_.-]{1,200}$'),
  source_sha256 bytea NOT NULL,
  source_text   text NOT NULL,
  text          text NOT NULL CHECK (text <> ''),
  state         text NOT NULL CHECK (state IN ('draft', 'reviewed')),
  updated_by    uuid NOT NULL REFERENCES users (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  reviewed_by   uuid REFERENCES users (id),
  reviewed_at   timestamptz,
  PRIMARY KEY (locale, text_key, source_sha256),
  -- The key is the hash of the English; the English itself is kept so a stale row can be shown to a
  -- translator beside the new wording.
  CHECK (source_sha256 = sha256(convert_to(source_text, 'UTF8'))),
  CHECK ((state = 'reviewed') = (reviewed_by IS NOT NULL)),
  CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
);

-- No DELETE: a translation is replaced by importing another, and the audit trail keeps who did it.
GRANT SELECT, INSERT, UPDATE ON translations TO ${appRole};
