// Data-layer isolation on the seeded demo, against PGlite and PostgreSQL (SUNLIGHT_TEST_DB).
// Victim and attacker: every attempt on another district's or school's records fails with
// notFound, changes nothing, and the owner keeps access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';

let demo: SeededDemo;

// Imported after the database is chosen (the client reads the environment on first use).
let client: typeof import('@/db/client');
let schema: typeof import('@/db/schema');
let homes: typeof import('@/modules/obligations/data/homes');
let adminUsers: typeof import('@/modules/org/data/users-admin');
let users: typeof import('./auth/users');
let signIn: typeof import('./auth/sign-in');

async function reportIdOf(districtCode: string, schoolCode: string) {
  const rows = await client.withSystem((db) =>
    db
      .select({ id: schema.quarterlyReports.id })
      .from(schema.quarterlyReports)
      .innerJoin(schema.schools, eq(schema.schools.id, schema.quarterlyReports.schoolId))
      .innerJoin(schema.districts, eq(schema.districts.id, schema.schools.districtId))
      .where(and(eq(schema.districts.code, districtCode), eq(schema.schools.code, schoolCode), eq(schema.quarterlyReports.year, 2026), eq(schema.quarterlyReports.quarter, 2))),
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  schema = await import('@/db/schema');
  homes = await import('@/modules/obligations/data/homes');
  adminUsers = await import('@/modules/org/data/users-admin');
  users = await import('./auth/users');
  signIn = await import('./auth/sign-in');
});

afterAll(() => demo?.cleanup());

describe('row-level security', () => {
  it('hides another district’s rows even when the query asks for them explicitly', async () => {
    const [dc] = await client.withSystem((db) => db.select().from(schema.districts).where(eq(schema.districts.code, 'dongcheng')));
    const [xs] = await client.withSystem((db) => db.select().from(schema.districts).where(eq(schema.districts.code, 'xishan')));
    const asDongcheng = await client.withDistrict(dc!.id, (tx) => tx.select().from(schema.schools).where(eq(schema.schools.districtId, xs!.id)));
    expect(asDongcheng).toHaveLength(0);
    const own = await client.withDistrict(dc!.id, (tx) => tx.select().from(schema.schools).where(eq(schema.schools.districtId, dc!.id)));
    expect(own.length).toBeGreaterThanOrEqual(24);
    const asXishan = await client.withDistrict(xs!.id, (tx) => tx.select().from(schema.disclosures).where(eq(schema.disclosures.districtId, dc!.id)));
    expect(asXishan).toHaveLength(0);
  });

  it('refuses to write a row into another district', async () => {
    const [dc] = await client.withSystem((db) => db.select().from(schema.districts).where(eq(schema.districts.code, 'dongcheng')));
    const [xs] = await client.withSystem((db) => db.select().from(schema.districts).where(eq(schema.districts.code, 'xishan')));
    await expect(client.withDistrict(dc!.id, (tx) => tx.insert(schema.zones).values({ districtId: xs!.id, code: 'evil', name: '越权片区' }))).rejects.toThrow();
    const zones = await client.withSystem((db) => db.select().from(schema.zones).where(eq(schema.zones.code, 'evil')));
    expect(zones).toHaveLength(0);
  });

  it('keeps the audit log append-only for the app role', async () => {
    const [dc] = await client.withSystem((db) => db.select().from(schema.districts).where(eq(schema.districts.code, 'dongcheng')));
    await expect(client.withDistrict(dc!.id, (tx) => tx.execute(sql`delete from audit_log`))).rejects.toThrow();
  });
});

describe('scoped data functions', () => {
  it('an evaluator’s queue holds only their district; a zone evaluator only their zone', async () => {
    const q = { year: 2026, quarter: 4 as const };
    const whole = await homes.reviewQueue(await scopeOf('dongcheng.eval'), q);
    expect(whole.rows.length).toBeGreaterThanOrEqual(24);
    expect(whole.rows.every((r) => r.code.startsWith('dc'))).toBe(true);
    const zone = await homes.reviewQueue(await scopeOf('dongcheng.eval.z1'), q);
    expect(zone.rows.length).toBeGreaterThan(0);
    expect(zone.rows.length).toBeLessThan(whole.rows.length);
  });

  it('another district’s report is not found; the owner still sees it', async () => {
    const xsReport = await reportIdOf('xishan', 'xs01');
    await expect(homes.reportView(await scopeOf('dongcheng.eval'), xsReport)).rejects.toMatchObject({ code: 'notFound' });
    await expect(homes.reportView(await scopeOf('dongcheng.leader'), xsReport)).rejects.toMatchObject({ code: 'notFound' });
    const own = await homes.reportView(await scopeOf('xishan.eval'), xsReport);
    expect(own.school.code).toBe('xs01');
  });

  it('a coordinator sees their own school’s report and not another school’s', async () => {
    const mine = await reportIdOf('dongcheng', 'dc01');
    const other = await reportIdOf('dongcheng', 'dc02');
    const dc01 = await scopeOf('dongcheng.dc01');
    expect((await homes.reportView(dc01, mine)).school.code).toBe('dc01');
    await expect(homes.reportView(dc01, other)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('a district admin cannot disable another district’s user; nothing changes', async () => {
    const victim = await scopeOf('xishan.eval');
    await expect(adminUsers.setUserDisabled(await scopeOf('dongcheng.admin'), victim.userId, true)).rejects.toMatchObject({ code: 'notFound' });
    expect(await users.loadScope(victim.userId)).not.toBeNull();
    // A role that is not district admin is refused outright.
    await expect(adminUsers.setUserDisabled(await scopeOf('dongcheng.eval'), victim.userId, true)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('disabling a user takes effect at once: their scope is gone on the next request', async () => {
    const admin = await scopeOf('dongcheng.admin');
    const target = await scopeOf('dongcheng.dc23');
    await adminUsers.setUserDisabled(admin, target.userId, true);
    expect(await users.loadScope(target.userId)).toBeNull();
    await adminUsers.setUserDisabled(admin, target.userId, false);
    expect(await users.loadScope(target.userId)).not.toBeNull();
  });

  it('a platform admin lists every district but reads no school data', async () => {
    const platform = await scopeOf('platform');
    const list = await homes.platformDistricts(platform);
    expect(list.map((d) => d.code).sort()).toEqual(['dongcheng', 'xishan']);
    await expect(homes.reviewQueue(platform, { year: 2026, quarter: 4 })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('sign-in throttling (state in the database)', () => {
  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 6; i++) {
      const r = await signIn.checkCredentials('xishan.leader', 'wrong-password', '10.0.0.1');
      expect(r.ok).toBe(false);
    }
    const r = await signIn.checkCredentials('xishan.leader', 'Sunlight-2026', '10.0.0.2');
    expect(r).toEqual({ ok: false, reason: 'throttled' });
    const other = await signIn.checkCredentials('xishan.admin', 'Sunlight-2026', '10.0.0.2');
    expect(other.ok).toBe(true);
  });
});
