-- Upcoming polls (issue 15): imported from Democracy Club's EveryElection or typed in by staff,
-- with the councils each covers. Deadlines are not stored: they are computed on read from the
-- poll date by the elections module, so a corrected bank-holiday file corrects every poll.
-- Nothing here is about a person.

CREATE TABLE polls (
  -- Democracy Club election id (local.manchester.2027-05-06) or a hand-entered id of the same shape.
  id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9.-]{2,199}$'),
  election_code text NOT NULL CHECK (election_code IN ('uk_parliament', 'local_england', 'pcc',
                  'mayoral', 'referendum_uk', 'scottish_parliament', 'senedd')),
  label         text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  poll_date     date NOT NULL,
  -- The nation whose bank holidays and rules set the deadlines; every council of the poll is in it.
  nation        text NOT NULL CHECK (nation IN ('england', 'wales', 'scotland', 'northern_ireland')),
  cancelled     boolean NOT NULL DEFAULT false,
  source        text NOT NULL CHECK (source IN ('democracy_club', 'manual')),
  attribution   text CHECK (length(attribution) <= 500),
  created_by    uuid NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX polls_date_idx ON polls (poll_date);

CREATE TABLE poll_local_authorities (
  poll_id              text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  local_authority_code text NOT NULL REFERENCES local_authorities (code),
  PRIMARY KEY (poll_id, local_authority_code)
);
-- The pull feed and the assessment look polls up by council.
CREATE INDEX poll_local_authorities_council_idx ON poll_local_authorities (local_authority_code);

GRANT SELECT, INSERT, UPDATE, DELETE ON polls, poll_local_authorities TO ${appRole};
