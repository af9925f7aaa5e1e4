// On PostgreSQL the app's queries are named prepared statements (db/client.ts, SUNLIGHT_DB_PREPARE,
// issue 15: one round trip per query instead of two). This proves the override of drizzle's
// driver still takes effect (it relies on the driver's internals: drizzle-orm is pinned), and
// that a statement prepared once still sees only the district of each transaction (row-level
// security is checked per execution, not frozen into the cached plan).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { seededDemo, type SeededDemo } from '@/seed/testing';
import { districts, schools } from '@/db/schema';

const onPostgres = process.env.SUNLIGHT_TEST_DB === 'postgres';

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

describe.skipIf(!onPostgres)('prepared statements on PostgreSQL', () => {
  let demo: SeededDemo;
  beforeAll(async () => {
    demo = await seededDemo();
  });
  afterAll(async () => {
    await demo?.cleanup();
  });

  it('runs the queries as named prepared statements, and one statement serves each district only its own rows', async () => {
    const { withDistrict, withSystem } = demo.client;
    const ids = await withSystem((db) => db.select({ id: districts.id, code: districts.code }).from(districts));
    const byCode = new Map(ids.map((d) => [d.code, d.id]));
    const schoolsOf = (code: string) =>
      withDistrict(byCode.get(code)!, async (tx) => {
        // (With a parameter: postgres.js sends a query without any as a simple query, never prepared.)
        const rows = await tx.select({ code: schools.code, districtId: schools.districtId }).from(schools).where(eq(schools.active, true));
        // The same connection's prepared statements: the query just run is among them, named.
        const prepared = rowsOf<{ name: string }>(await tx.execute(sql`select name from pg_prepared_statements where statement like '%from "schools"%'`));
        return { rows, prepared };
      });
    for (let round = 0; round < 3; round++) {
      for (const code of ['dongcheng', 'xishan']) {
        const { rows, prepared } = await schoolsOf(code);
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.districtId))).toEqual(new Set([byCode.get(code)]));
        expect(prepared.length).toBeGreaterThan(0);
        expect(prepared.every((p) => p.name !== '')).toBe(true);
      }
    }
    // Unscoped (system) reads still see every district through the same kind of statement.
    const all = await withSystem((db) => db.select({ id: schools.id }).from(schools).where(eq(schools.active, true)));
    expect(all.length).toBeGreaterThan(40);
  });
});
