-- Faster row-level security (issue 8): the policies of 0001 called app_district() once per row,
-- which made a cold district read 20–30× slower than the same query without RLS. Wrapped in a
-- scalar sub-select, PostgreSQL evaluates each function once per query (an InitPlan) and the
-- comparison becomes an ordinary, index-friendly `district_id = $param`. Same rules, same tables.
CREATE OR REPLACE FUNCTION sunlight_protect(tbl text, col text DEFAULT 'district_id') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS district_isolation ON %I', tbl);
  EXECUTE format(
    'CREATE POLICY district_isolation ON %I USING ((SELECT app_all_districts()) OR %I = (SELECT app_district())) WITH CHECK ((SELECT app_all_districts()) OR %I = (SELECT app_district()))',
    tbl, col, col);
END $$;
--> statement-breakpoint
DO $$
DECLARE t record;
BEGIN
  -- Every table that already has the policy gets the new form of it.
  FOR t IN
    SELECT tablename, (regexp_match(qual, '\(?(\w+) = app_district\(\)'))[1] AS col
    FROM pg_policies
    WHERE schemaname = 'public' AND policyname = 'district_isolation'
  LOOP
    PERFORM sunlight_protect(t.tablename::text, coalesce(t.col, 'district_id'));
  END LOOP;
END $$;
