-- Reference data: the ONS regions in scope and their lower-tier and unitary councils.
-- Rows are loaded by the next (Java) migration from reference/local-authorities-2026.tsv.

CREATE TABLE regions (
  code text PRIMARY KEY CHECK (code ~ '^E1200000[1-9]$'),
  name text NOT NULL UNIQUE
);

CREATE TABLE local_authorities (
  code              text PRIMARY KEY CHECK (code ~ '^E0[6-9][0-9]{6}$'),
  name              text NOT NULL,
  type              text NOT NULL,
  county            text,
  region_code       text NOT NULL REFERENCES regions (code),
  mayoral_authority text
);

CREATE INDEX local_authorities_region_idx ON local_authorities (region_code);

GRANT SELECT ON regions, local_authorities TO ${appRole};
