-- An instant as the API's JSON writes it (java.time.Instant#toString): UTC, 'T' and 'Z', and the
-- fraction of a second in groups of three digits, none for whole seconds. PostgreSQL's own text
-- drops trailing zeros ("…:05.5"), so the pull feed, which builds each change's JSON in SQL
-- (FeedDao), formats instants with this. Null outside the years 1 to 9999, where the two would
-- differ (Java writes "+10000-…", PostgreSQL "… BC"): the caller then builds that change in Java.
-- A plain SQL expression, so PostgreSQL inlines it into the query; (t AT TIME ZONE 'UTC')::text
-- does not depend on the session's time zone, and the driver always asks for DateStyle ISO.
CREATE FUNCTION json_instant(t timestamptz) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN t >= '0001-01-01 00:00:00+00' AND t < '10000-01-01 00:00:00+00' THEN
    replace((t AT TIME ZONE 'UTC')::text, ' ', 'T')
    || substr('00', 1, ((26 - length((t AT TIME ZONE 'UTC')::text)) % 3)
                       * sign(length((t AT TIME ZONE 'UTC')::text) - 19)::integer)
    || 'Z'
  END
$$;
