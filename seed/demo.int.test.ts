// The demo seed against a real database (PGlite, or PostgreSQL with SUNLIGHT_TEST_DB=postgres).
import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem, type Db } from '@/db/client';
import * as s from '@/db/schema';
import { freshTestDatabase, type TestDatabase } from '@/db/testing';
import { verifyPassword } from '@/core/auth/password';
import { SCHOOL_TYPES } from '@/core/domain/types';
import { DEMO_PASSWORD, demoLogins, seedDemo, type SeedSummary } from './demo';

/** A stable hash of the ordered rows of the tables whose content must not vary between runs. */
async function contentHash(db: Db): Promise<string> {
  const h = createHash('sha256');
  const dump = (rows: unknown[]) => h.update(JSON.stringify(rows));
  dump(await db.select().from(s.schools).orderBy(asc(s.schools.id)));
  dump(await db.select().from(s.disclosures).orderBy(asc(s.disclosures.id)));
  dump(await db.select().from(s.declaredEvents).orderBy(asc(s.declaredEvents.id)));
  dump(await db.select().from(s.quarterlyReports).orderBy(asc(s.quarterlyReports.id)));
  dump(await db.select().from(s.evaluations).orderBy(asc(s.evaluations.id)));
  dump(await db.select().from(s.surveyCodes).orderBy(asc(s.surveyCodes.code)));
  dump(await db.select().from(s.surveyResponses).orderBy(asc(s.surveyResponses.id)));
  return h.digest('hex');
}

describe('seedDemo', () => {
  let tdb: TestDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    tdb = await freshTestDatabase();
    summary = await withSystem((db) => seedDemo(db));
  });
  afterAll(async () => {
    await tdb?.cleanup();
  });

  it('seeds an empty database and reports counts', () => {
    expect(summary.seeded).toBe(true);
    expect(summary.asOf).toBe('2026-11-20');
    expect(summary.counts.districts).toBe(2);
    expect(summary.counts.disclosures).toBeGreaterThan(5000);
  });

  it('creates two districts with ≥24 schools each, covering all four school types', async () => {
    await withSystem(async (db) => {
      const districts = await db.select().from(s.districts).orderBy(asc(s.districts.code));
      expect(districts.map((d) => [d.code, d.name])).toEqual([
        ['dongcheng', '东城区'],
        ['xishan', '西山县'],
      ]);
      for (const d of districts) {
        const schools = await db.select().from(s.schools).where(eq(s.schools.districtId, d.id));
        expect(schools.length).toBeGreaterThanOrEqual(24);
        expect(new Set(schools.map((x) => x.type))).toEqual(new Set(SCHOOL_TYPES));
      }
    });
  });

  it('creates the demo users with the demo password', async () => {
    await withSystem(async (db) => {
      const users = await db.select().from(s.users);
      const byName = new Map(users.map((u) => [u.username, u]));
      expect(users.length).toBe(demoLogins().length);
      for (const name of ['platform', 'dongcheng.admin', 'dongcheng.eval', 'dongcheng.eval.z1', 'dongcheng.leader', 'dongcheng.dc01', 'xishan.admin', 'xishan.xs07']) {
        expect(byName.has(name), name).toBe(true);
      }
      expect(byName.get('platform')!.role).toBe('platformAdmin');
      expect(byName.get('platform')!.districtId).toBeNull();
      expect(byName.get('xishan.xs07')!.role).toBe('coordinator');
      expect(byName.get('xishan.xs07')!.schoolId).not.toBeNull();
      expect(await verifyPassword(byName.get('dongcheng.dc01')!.passwordHash, DEMO_PASSWORD)).toBe(true);
      const zones = await db
        .select()
        .from(s.userZones)
        .where(eq(s.userZones.userId, byName.get('dongcheng.eval.z1')!.id));
      expect(zones).toHaveLength(1);
    });
  });

  it('holds the demo scenarios (flagged procurement, rejections, an open veto, every 2026 Q3 report state)', async () => {
    await withSystem(async (db) => {
      const flagged = await db.select().from(s.disclosures).where(eq(s.disclosures.procurementFlag, true));
      expect(flagged.length).toBeGreaterThanOrEqual(1);
      expect((await db.select().from(s.disclosureRejections)).length).toBeGreaterThanOrEqual(2);
      const vetoes = await db.select().from(s.findings).where(eq(s.findings.severity, 'veto'));
      expect(vetoes.some((f) => f.year === 2025 && f.status === 'open')).toBe(true);
      const q3 = await db.execute<{ state: string }>(sql`select distinct state from quarterly_reports where year = 2026 and quarter = 3`);
      const states = new Set((Array.isArray(q3) ? q3 : (q3 as { rows: { state: string }[] }).rows).map((r) => r.state));
      expect(states).toEqual(new Set(['draft', 'submitted', 'returned', 'approved']));
    });
  });

  it('does nothing when run a second time', async () => {
    const again = await withSystem((db) => seedDemo(db));
    expect(again.seeded).toBe(false);
    const n = await withSystem((db) => db.select().from(s.districts));
    expect(n).toHaveLength(2);
  });

  it('writes identical rows into two fresh databases', async () => {
    const first = await withSystem(contentHash);
    await tdb.cleanup();
    tdb = await freshTestDatabase();
    const second = await withSystem(async (db) => {
      expect((await seedDemo(db)).seeded).toBe(true);
      return contentHash(db);
    });
    expect(second).toBe(first);
  });
});
