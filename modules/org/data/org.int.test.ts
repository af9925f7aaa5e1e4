// District administration on the seeded demo (issue 7), on PGlite and PostgreSQL: users with
// one-time passwords, zones and schools, and victim/attacker checks across districts.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';

let demo: SeededDemo;
let client: typeof import('@/db/client');
let schema: typeof import('@/db/schema');
let users: typeof import('@/core/auth/users');
let adminUsers: typeof import('./users-admin');
let adminSchools: typeof import('./schools-admin');
let adminZones: typeof import('./zones-admin');
let importsUsers: typeof import('./imports-users');
let signIn: typeof import('@/core/auth/sign-in');
let table: typeof import('@/modules/org/import/table');

const byCode = async (districtCode: string, code: string) =>
  (
    await client.withSystem((db) =>
      db
        .select({ school: schema.schools })
        .from(schema.schools)
        .innerJoin(schema.districts, eq(schema.districts.id, schema.schools.districtId))
        .where(and(eq(schema.districts.code, districtCode), eq(schema.schools.code, code))),
    )
  )[0]!.school;
const userRow = async (username: string) => (await client.withSystem((db) => db.select().from(schema.users).where(eq(schema.users.username, username))))[0];

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  schema = await import('@/db/schema');
  users = await import('@/core/auth/users');
  adminUsers = await import('./users-admin');
  adminSchools = await import('./schools-admin');
  adminZones = await import('./zones-admin');
  importsUsers = await import('./imports-users');
  signIn = await import('@/core/auth/sign-in');
  table = await import('@/modules/org/import/table');
});

afterAll(() => demo?.cleanup());

describe('users', () => {
  it('creates a coordinator with a one-time password that must be changed', async () => {
    const admin = await scopeOf('dongcheng.admin');
    const dc03 = await byCode('dongcheng', 'dc03');
    const r = await adminUsers.createUser(admin, { username: 'dongcheng.newcoord', displayName: '新联络员', role: 'coordinator', schoolId: dc03.id, zoneIds: [] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    const row = await userRow('dongcheng.newcoord');
    expect(row).toMatchObject({ role: 'coordinator', schoolId: dc03.id, mustChangePassword: true });
    expect(row!.passwordHash).not.toContain(r.value.password);
    expect(await signIn.checkCredentials('dongcheng.newcoord', r.value.password, 'test')).toMatchObject({ ok: true });
    expect((await users.loadScope(row!.id))!.mustChangePassword).toBe(true);
  });

  it('keeps usernames unique across districts and refuses another district’s school or zone', async () => {
    const xsAdmin = await scopeOf('xishan.admin');
    const taken = await adminUsers.createUser(xsAdmin, { username: 'dongcheng.newcoord', displayName: 'x', role: 'leader', schoolId: null, zoneIds: [] });
    expect(taken).toEqual({ ok: false, errors: { username: { key: 'adminForm.usernameTaken' } } });
    const dc03 = await byCode('dongcheng', 'dc03');
    const foreign = await adminUsers.createUser(xsAdmin, { username: 'xishan.sneaky', displayName: 'x', role: 'coordinator', schoolId: dc03.id, zoneIds: [] });
    expect(foreign).toEqual({ ok: false, errors: { schoolId: { key: 'adminForm.unknownSchool' } } });
    const [east] = await client.withSystem((db) => db.select().from(schema.zones).where(eq(schema.zones.code, 'east')));
    const foreignZone = await adminUsers.createUser(xsAdmin, { username: 'xishan.sneaky', displayName: 'x', role: 'evaluator', schoolId: null, zoneIds: [east!.id] });
    expect(foreignZone).toEqual({ ok: false, errors: { zoneIds: { key: 'adminForm.unknownZone' } } });
    expect(await userRow('xishan.sneaky')).toBeUndefined();
  });

  it('resets a password only within the district; the victim keeps theirs', async () => {
    const victim = await userRow('xishan.eval');
    await expect(adminUsers.resetUserPassword(await scopeOf('dongcheng.admin'), victim!.id)).rejects.toMatchObject({ code: 'notFound' });
    await expect(adminUsers.updateUser(await scopeOf('dongcheng.admin'), { userId: victim!.id, displayName: 'x', role: 'leader', schoolId: null, zoneIds: [] })).rejects.toMatchObject({
      code: 'notFound',
    });
    expect(await userRow('xishan.eval')).toEqual(victim);
    const issued = await adminUsers.resetUserPassword(await scopeOf('xishan.admin'), victim!.id);
    expect(await signIn.checkCredentials('xishan.eval', issued.password, 'test')).toMatchObject({ ok: true });
    expect((await userRow('xishan.eval'))!.mustChangePassword).toBe(true);
  });

  it('edits role and zones, but never the admin’s own role', async () => {
    const admin = await scopeOf('dongcheng.admin');
    const z1 = await userRow('dongcheng.eval.z1');
    const zones = await adminZones.listZones(admin);
    const r = await adminUsers.updateUser(admin, { userId: z1!.id, displayName: '孙立新', role: 'evaluator', schoolId: null, zoneIds: zones.slice(0, 2).map((z) => z.id) });
    expect(r.ok).toBe(true);
    expect((await users.loadScope(z1!.id))!.zoneIds?.sort()).toEqual(
      zones
        .slice(0, 2)
        .map((z) => z.id)
        .sort(),
    );
    const own = await adminUsers.updateUser(admin, { userId: admin.userId, displayName: 'x', role: 'leader', schoolId: null, zoneIds: [] });
    expect(own).toEqual({ ok: false, errors: { role: { key: 'adminForm.ownRole' } } });
  });

  it('imports users with temporary passwords, all or nothing', async () => {
    const admin = await scopeOf('xishan.admin');
    const csv = (rows: string[]) => new TextEncoder().encode(['用户名,姓名,角色,学校代码,片区', ...rows].join('\n'));
    const bad = await importsUsers.importUsers(admin, await table.readTable(csv(['xishan.u1,甲,联络员,xs01,', 'xishan.u2,乙,督导,,火星片区'])));
    expect(bad).toMatchObject({ status: 'invalid', issues: [{ line: 3, field: 'zones', reason: 'unknownZone' }] });
    expect(await userRow('xishan.u1')).toBeUndefined();
    const good = await importsUsers.importUsers(admin, await table.readTable(csv(['xishan.u1,甲,联络员,xs01,', 'xishan.u2,乙,督导,,城关片区'])));
    expect(good).toMatchObject({ status: 'imported', created: 2 });
    if (good.status !== 'imported') return;
    expect(good.issued.map((i) => i.username)).toEqual(['xishan.u1', 'xishan.u2']);
    expect(await signIn.checkCredentials('xishan.u2', good.issued[1]!.password, 'test')).toMatchObject({ ok: true });
    const u2 = await users.loadScope((await userRow('xishan.u2'))!.id);
    expect(u2).toMatchObject({ role: 'evaluator', mustChangePassword: true });
    expect(u2!.zoneIds).toHaveLength(1);
  });
});

describe('schools and zones', () => {
  it('edits a school only within the district (victim/attacker)', async () => {
    const victim = await byCode('xishan', 'xs03');
    const attacker = await scopeOf('dongcheng.admin');
    const input = { code: 'xs03', name: '被篡改', type: 'primary' as const, zoneId: null, active: true };
    await expect(adminSchools.updateSchool(attacker, victim.id, input)).rejects.toMatchObject({ code: 'notFound' });
    await expect(adminSchools.setSchoolActive(attacker, victim.id, false)).rejects.toMatchObject({ code: 'notFound' });
    await expect(adminSchools.getSchool(attacker, victim.id)).rejects.toMatchObject({ code: 'notFound' });
    expect(await byCode('xishan', 'xs03')).toEqual(victim);
    const own = await adminSchools.updateSchool(await scopeOf('xishan.admin'), victim.id, { ...input, name: '西山县城关镇中心小学（新校区）', zoneId: victim.zoneId });
    expect(own.ok).toBe(true);
  });

  it('refuses a duplicate school code in the district', async () => {
    const r = await adminSchools.createSchool(await scopeOf('dongcheng.admin'), { code: 'DC01', name: '重复', type: 'primary', zoneId: null, active: true });
    expect(r).toEqual({ ok: false, errors: { code: { key: 'adminForm.codeTaken' } } });
  });

  it('asks where a deactivated zone’s schools go, then moves them and its evaluators', async () => {
    const admin = await scopeOf('dongcheng.admin');
    const zones = await adminZones.listZones(admin);
    const north = zones.find((z) => z.code === 'north')!;
    const west = zones.find((z) => z.code === 'west')!;
    expect(await adminZones.deactivateZone(admin, north.id, undefined)).toEqual({ status: 'needsTarget', schools: north.schools });
    await expect(adminZones.deactivateZone(await scopeOf('xishan.admin'), north.id, '')).rejects.toMatchObject({ code: 'notFound' });
    const out = await adminZones.deactivateZone(admin, north.id, west.id);
    expect(out).toEqual({ status: 'deactivated', movedSchools: north.schools });
    const after = await adminZones.listZones(admin);
    expect(after.find((z) => z.code === 'north')).toMatchObject({ active: false, schools: 0 });
    expect(after.find((z) => z.code === 'west')!.schools).toBe(west.schools + north.schools);
    await adminZones.reactivateZone(admin, north.id);
  });
});
