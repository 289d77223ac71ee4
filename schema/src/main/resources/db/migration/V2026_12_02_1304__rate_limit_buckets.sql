-- Rate-limit token buckets shared by every instance (issue 13), kept by Bucket4j's PostgreSQL
-- integration (select-for-update). Ids are hashes, never the address or account they count.
CREATE TABLE rate_limit_buckets (
  id         text PRIMARY KEY,
  state      bytea,
  expires_at bigint
);
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);

REVOKE ALL ON rate_limit_buckets FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_buckets TO ${appRole};
