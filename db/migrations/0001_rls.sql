-- Row-level security (DESIGN §1): every district-owned row is visible only inside a transaction
-- that set `app.district_id` to its district (or '*' for platform-wide work) and runs as the
-- non-superuser role `sunlight_app` (SET LOCAL ROLE). Superusers and the table owner bypass RLS;
-- that path is used only for migrations, seeding, sign-in and health checks.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sunlight_app') THEN
    CREATE ROLE sunlight_app NOLOGIN;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  -- A non-superuser owner must be a member to SET ROLE; superusers need nothing.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT sunlight_app TO %I', current_user);
  END IF;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'could not grant sunlight_app to %: %', current_user, SQLERRM;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_district() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN s ~ '^[0-9a-fA-F-]{36}$' THEN s::uuid END
  FROM (SELECT current_setting('app.district_id', true) AS s) AS x
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_all_districts() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.district_id', true), '') = '*'
$$;
--> statement-breakpoint
-- Later migrations call this for every new district-owned table.
CREATE OR REPLACE FUNCTION sunlight_protect(tbl text, col text DEFAULT 'district_id') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS district_isolation ON %I', tbl);
  EXECUTE format(
    'CREATE POLICY district_isolation ON %I USING (app_all_districts() OR %I = app_district()) WITH CHECK (app_all_districts() OR %I = app_district())',
    tbl, col, col);
END $$;
--> statement-breakpoint
DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.table_name
    FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'district_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    PERFORM sunlight_protect(t.table_name);
  END LOOP;
  PERFORM sunlight_protect('districts', 'id');
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO sunlight_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sunlight_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sunlight_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sunlight_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sunlight_app;
--> statement-breakpoint
-- §8: the audit log is append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM sunlight_app;
