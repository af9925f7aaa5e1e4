// Every district-owned table is protected by row-level security (DESIGN §1, issue 8): a table
// with a district_id column and no policy would make the whole guarantee depend on app filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshTestDatabase, type TestDatabase } from './testing';

let fresh: TestDatabase;
let client: typeof import('./client');

beforeAll(async () => {
  fresh = await freshTestDatabase();
  client = await import('./client');
});
afterAll(async () => {
  await client?.closeDb();
  await fresh?.cleanup();
});

function rowsOf<T>(result: unknown): T[] {
  // postgres.js returns an array; PGlite returns { rows }.
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

describe('row-level security coverage', () => {
  it('enables RLS with the district policy on every table that has a district_id column, and on districts', async () => {
    const tables = rowsOf<{ table_name: string; rls: boolean; policies: number }>(
      await client.withSystem((db) =>
        db.execute(sql`
          select c.table_name, cl.relrowsecurity as rls,
                 (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.table_name and p.policyname = 'district_isolation') as policies
          from information_schema.columns c
          join pg_class cl on cl.relname = c.table_name
          join pg_namespace n on n.oid = cl.relnamespace and n.nspname = 'public'
          where c.table_schema = 'public' and (c.column_name = 'district_id' or c.table_name = 'districts')
          group by c.table_name, cl.relrowsecurity`),
      ),
    );
    expect(tables.length).toBeGreaterThan(20);
    const unprotected = tables.filter((t) => !t.rls || Number(t.policies) !== 1).map((t) => t.table_name);
    expect(unprotected).toEqual([]);
  });

  it('runs scoped work as a role that is neither superuser nor exempt from RLS', async () => {
    const [who] = rowsOf<{ role: string; superuser: boolean; bypass: boolean }>(
      await client.withDistrict('*', (tx) => tx.execute(sql`select current_user as role, r.rolsuper as superuser, r.rolbypassrls as bypass from pg_roles r where r.rolname = current_user`)),
    );
    expect(who).toEqual({ role: 'sunlight_app', superuser: false, bypass: false });
  });

  it('shows nothing when no district is set', async () => {
    const r = rowsOf<{ n: number }>(await client.withDistrict('', (tx) => tx.execute(sql`select count(*)::int as n from districts`)));
    expect(Number(r[0]!.n)).toBe(0);
  });
});
