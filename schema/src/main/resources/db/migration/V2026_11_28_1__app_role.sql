-- The service runs as ${appRole}: a login role that owns no table, so it cannot alter the schema,
-- drop data wholesale or bypass row-level security. Migrations run as the owner role.
-- Roles are cluster-wide: create it only when an earlier database on this server has not.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
    CREATE ROLE ${appRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ${appRole};
