-- Outreach metrics: additive aggregates of the live (not deleted) version of every drive record,
-- kept current inside the push transaction by the service (core/metrics/MetricsAggregator), so a
-- metrics request reads a few thousand aggregate rows and never scans drive_records.
-- Three grains, coarsest first; a query is answered from the coarsest one that has its columns.
-- See docs/metrics.md for the design and the measured figures.
--
-- Each row holds, per outcome, the number of records and how many of them were eligible (their
-- guidance lists at least one election). Outcomes are columns rather than part of the key: rows
-- are six times fewer, which is what keeps a year's region-by-week summary within budget.
-- Aggregates are derived data: no foreign keys (each would lock the referenced drive or user row
-- on every push), and metrics_rebuild() recomputes all three from drive_records.
-- Text dimensions use '' for "not recorded" rather than NULL so they can be part of a primary key.
-- There is deliberately no CHECK (count >= 0): PostgreSQL checks constraints on the row proposed
-- for insertion before ON CONFLICT turns it into an update, and that row holds a signed delta.
-- That counts never go negative and always equal a recount is tested instead (MetricsApiTest).

-- Finest grain: one row per day and combination of every dimension a summary can group by.
CREATE TABLE metrics_facts (
  day                   date NOT NULL,        -- recorded_at as a UK calendar day
  region_code           text NOT NULL,
  local_authority_code  text NOT NULL,
  drive_id              uuid NOT NULL,
  participant_id        uuid NOT NULL,
  basis                 text NOT NULL,        -- guidance.basis, '' without guidance
  age_band              text NOT NULL,
  language              text NOT NULL,
  first_time            text NOT NULL CHECK (first_time IN ('yes', 'no', '')),
  registered_on_site             integer NOT NULL DEFAULT 0,
  pledged                        integer NOT NULL DEFAULT 0,
  already_registered             integer NOT NULL DEFAULT 0,
  not_eligible                   integer NOT NULL DEFAULT 0,
  declined                       integer NOT NULL DEFAULT 0,
  follow_up                      integer NOT NULL DEFAULT 0,
  eligible_registered_on_site    integer NOT NULL DEFAULT 0,
  eligible_pledged               integer NOT NULL DEFAULT 0,
  eligible_already_registered    integer NOT NULL DEFAULT 0,
  eligible_not_eligible          integer NOT NULL DEFAULT 0,
  eligible_declined              integer NOT NULL DEFAULT 0,
  eligible_follow_up             integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, region_code, local_authority_code, drive_id, participant_id, basis, age_band,
               language, first_time)
);
CREATE INDEX metrics_facts_region_idx ON metrics_facts (region_code, day);

-- Per drive and day: councils and drives over time, without the person-level dimensions.
CREATE TABLE metrics_drive_days (
  region_code           text NOT NULL,
  day                   date NOT NULL,
  local_authority_code  text NOT NULL,
  drive_id              uuid NOT NULL,
  registered_on_site             integer NOT NULL DEFAULT 0,
  pledged                        integer NOT NULL DEFAULT 0,
  already_registered             integer NOT NULL DEFAULT 0,
  not_eligible                   integer NOT NULL DEFAULT 0,
  declined                       integer NOT NULL DEFAULT 0,
  follow_up                      integer NOT NULL DEFAULT 0,
  eligible_registered_on_site    integer NOT NULL DEFAULT 0,
  eligible_pledged               integer NOT NULL DEFAULT 0,
  eligible_already_registered    integer NOT NULL DEFAULT 0,
  eligible_not_eligible          integer NOT NULL DEFAULT 0,
  eligible_declined              integer NOT NULL DEFAULT 0,
  eligible_follow_up             integer NOT NULL DEFAULT 0,
  PRIMARY KEY (region_code, day, local_authority_code, drive_id)
);

-- Per region and day: the dashboard's tiles and weekly trend. Every push in a region on a day
-- updates the same row, so each key is split over 8 stripes, chosen by the participant (the last
-- byte of their id), and readers add the stripes up: concurrent pushes from different volunteers
-- rarely wait for each other's row locks.
CREATE TABLE metrics_region_days (
  region_code           text NOT NULL,
  day                   date NOT NULL,
  stripe                smallint NOT NULL CHECK (stripe BETWEEN 0 AND 7),
  registered_on_site             integer NOT NULL DEFAULT 0,
  pledged                        integer NOT NULL DEFAULT 0,
  already_registered             integer NOT NULL DEFAULT 0,
  not_eligible                   integer NOT NULL DEFAULT 0,
  declined                       integer NOT NULL DEFAULT 0,
  follow_up                      integer NOT NULL DEFAULT 0,
  eligible_registered_on_site    integer NOT NULL DEFAULT 0,
  eligible_pledged               integer NOT NULL DEFAULT 0,
  eligible_already_registered    integer NOT NULL DEFAULT 0,
  eligible_not_eligible          integer NOT NULL DEFAULT 0,
  eligible_declined              integer NOT NULL DEFAULT 0,
  eligible_follow_up             integer NOT NULL DEFAULT 0,
  PRIMARY KEY (region_code, day, stripe)
);

-- Recomputes every aggregate from drive_records: the backfill below, and an operator's repair
-- (`SELECT metrics_rebuild();` as the owner). Pushes wait for it rather than interleave.
CREATE FUNCTION metrics_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- Every record, whatever row-level security would show the caller (V2026_11_29_21): this is a
  -- trusted maintenance path, as the service's RowScope.system().
  PERFORM set_config('drivesync.scope', 'system', true);
  LOCK TABLE metrics_facts, metrics_drive_days, metrics_region_days IN EXCLUSIVE MODE;
  DELETE FROM metrics_region_days;
  DELETE FROM metrics_drive_days;
  DELETE FROM metrics_facts;

  INSERT INTO metrics_facts
  SELECT (r.recorded_at AT TIME ZONE 'Europe/London')::date, r.region_code, r.local_authority_code,
         r.drive_id, r.recorded_by, coalesce(r.guidance ->> 'basis', ''),
         coalesce(r.age_band, ''), coalesce(r.language, ''),
         CASE r.first_time_registrant WHEN true THEN 'yes' WHEN false THEN 'no' ELSE '' END,
         count(*) FILTER (WHERE r.outcome = 'registered_on_site'),
         count(*) FILTER (WHERE r.outcome = 'pledged'),
         count(*) FILTER (WHERE r.outcome = 'already_registered'),
         count(*) FILTER (WHERE r.outcome = 'not_eligible'),
         count(*) FILTER (WHERE r.outcome = 'declined'),
         count(*) FILTER (WHERE r.outcome = 'follow_up'),
         count(*) FILTER (WHERE r.outcome = 'registered_on_site' AND jsonb_typeof(r.guidance -> 'elections') = 'array'
                                  AND jsonb_array_length(r.guidance -> 'elections') > 0),
         count(*) FILTER (WHERE r.outcome = 'pledged' AND jsonb_typeof(r.guidance -> 'elections') = 'array'
                                  AND jsonb_array_length(r.guidance -> 'elections') > 0),
         count(*) FILTER (WHERE r.outcome = 'already_registered' AND jsonb_typeof(r.guidance -> 'elections') = 'array'
                                  AND jsonb_array_length(r.guidance -> 'elections') > 0),
         count(*) FILTER (WHERE r.outcome = 'not_eligible' AND jsonb_typeof(r.guidance -> 'elections') = 'array'
                                  AND jsonb_array_length(r.guidance -> 'elections') > 0),
         count(*) FILTER (WHERE r.outcome = 'declined' AND jsonb_typeof(r.guidance -> 'elections') = 'array'
                                  AND jsonb_array_length(r.guidance -> 'elections') > 0),
         count(*) FILTER (WHERE r.outcome = 'follow_up' AND jsonb_typeof(r.guidance -> 'elections') = 'array'
                                  AND jsonb_array_length(r.guidance -> 'elections') > 0)
  FROM drive_records r
  WHERE NOT r.deleted
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

  INSERT INTO metrics_drive_days
  SELECT region_code, day, local_authority_code, drive_id,
         sum(registered_on_site), sum(pledged), sum(already_registered),
         sum(not_eligible), sum(declined), sum(follow_up),
         sum(eligible_registered_on_site),
         sum(eligible_pledged),
         sum(eligible_already_registered),
         sum(eligible_not_eligible),
         sum(eligible_declined),
         sum(eligible_follow_up)
  FROM metrics_facts
  GROUP BY region_code, day, local_authority_code, drive_id;

  INSERT INTO metrics_region_days
  SELECT region_code, day, get_byte(uuid_send(participant_id), 15) % 8,
         sum(registered_on_site), sum(pledged), sum(already_registered),
         sum(not_eligible), sum(declined), sum(follow_up),
         sum(eligible_registered_on_site),
         sum(eligible_pledged),
         sum(eligible_already_registered),
         sum(eligible_not_eligible),
         sum(eligible_declined),
         sum(eligible_follow_up)
  FROM metrics_facts
  GROUP BY region_code, day, get_byte(uuid_send(participant_id), 15) % 8;
END
$$;
REVOKE ALL ON FUNCTION metrics_rebuild() FROM PUBLIC;

SELECT metrics_rebuild();

GRANT SELECT, INSERT, UPDATE ON metrics_facts, metrics_drive_days, metrics_region_days TO ${appRole};
