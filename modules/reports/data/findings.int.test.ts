// Findings (整改, DESIGN §5), evaluator side, on the seeded demo (PGlite and PostgreSQL): raise,
// list open ones overdue first, read responses, close and reopen — scoped and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { seededDemo, type SeededDemo } from '@/seed/testing';
import { findingStatusSchema, raiseFindingSchema } from '@/modules/reports/validation/findings';
import { fieldErrors } from '@/core/forms/field-errors';

let demo: SeededDemo;
let client: typeof import('@/db/client');
let schema: typeof import('@/db/schema');
let users: typeof import('@/core/auth/users');
let findings: typeof import('./findings');

async function scopeOf(username: string) {
  const [u] = await client.withSystem((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, username)));
  return (await users.loadScope(u!.id))!;
}

async function schoolId(code: string) {
  const [s] = await client.withSystem((db) => db.select({ id: schema.schools.id }).from(schema.schools).where(eq(schema.schools.code, code)));
  return s!.id;
}

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  schema = await import('@/db/schema');
  users = await import('@/core/auth/users');
  findings = await import('./findings');
});

afterAll(() => demo?.cleanup());

describe('findings', () => {
  it('validates the form: severity, a real due date, a title', () => {
    const r = raiseFindingSchema.safeParse({ schoolId: 'x', severity: 'fatal', dueOn: '2026-02-30', title: ' ' });
    const e = fieldErrors(r.error!);
    expect(Object.keys(e).sort()).toEqual(['dueOn', 'schoolId', 'severity', 'title']);
    expect(e.dueOn).toEqual({ key: 'validation.invalid' });
    const reopen = findingStatusSchema.safeParse({ findingId: '00000000-0000-4000-8000-000000000000', action: 'reopen', note: '' });
    expect(fieldErrors(reopen.error!).note).toEqual({ key: 'validation.required' });
  });

  it('lists open findings of the district, overdue first', async () => {
    const list = await findings.findingsList(await scopeOf('dongcheng.eval'));
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((f) => f.status !== 'closed' && f.schoolCode.startsWith('dc'))).toBe(true);
    const firstNotOverdue = list.findIndex((f) => !f.overdue);
    if (firstNotOverdue >= 0) expect(list.slice(firstNotOverdue).some((f) => f.overdue)).toBe(false);
    expect(list.some((f) => f.schoolCode === 'dc17' && f.overdue)).toBe(true); // due 2026-03-31, open
    const zone = await findings.findingsList(await scopeOf('dongcheng.eval.z1'), { filter: 'all' });
    expect(zone.every((f) => ['dc01', 'dc02', 'dc03', 'dc04', 'dc05', 'dc06', 'dc07', 'dc08'].includes(f.schoolCode))).toBe(true);
  });

  it('raises, reads, closes and reopens; scoped and audited', async () => {
    const evaluator = await scopeOf('dongcheng.eval');
    const dc11 = await schoolId('dc11');
    await expect(findings.raiseFinding(evaluator, { schoolId: dc11, severity: 'minor', itemCode: 'ZZ9', dueOn: '2026-12-31', title: 't', description: '' })).rejects.toMatchObject({
      code: 'badRequest',
    });
    await expect(
      findings.raiseFinding(await scopeOf('dongcheng.leader'), { schoolId: dc11, severity: 'minor', itemCode: null, dueOn: '2026-12-31', title: 't', description: '' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      findings.raiseFinding(await scopeOf('dongcheng.eval.z1'), { schoolId: dc11, severity: 'minor', itemCode: null, dueOn: '2026-12-31', title: 't', description: '' }),
    ).rejects.toMatchObject({ code: 'notFound' });
    await expect(findings.raiseFinding(await scopeOf('xishan.eval'), { schoolId: dc11, severity: 'minor', itemCode: null, dueOn: '2026-12-31', title: 't', description: '' })).rejects.toMatchObject({
      code: 'notFound',
    });

    const id = await findings.raiseFinding(evaluator, { schoolId: dc11, severity: 'veto', itemCode: 'F01', dueOn: '2026-11-30', title: '违规收取资料费', description: '经核实收取教辅资料费。' });
    const d = await findings.findingDetail(evaluator, id);
    expect(d.finding).toMatchObject({ status: 'open', severity: 'veto', itemCode: 'F01', year: 2026 });
    await expect(findings.findingDetail(await scopeOf('xishan.eval'), id)).rejects.toMatchObject({ code: 'notFound' });

    // The school responds (the coordinator side is another feature; a fixture row here).
    const coordinator = await scopeOf('dongcheng.dc11');
    await client.withSystem((db) => db.insert(schema.rectifications).values({ districtId: evaluator.districtId!, findingId: id, response: '已全额清退。', submittedBy: coordinator.userId }));
    expect((await findings.findingDetail(await scopeOf('dongcheng.leader'), id)).responses.map((r) => r.response)).toEqual(['已全额清退。']);

    await findings.setFindingStatus(evaluator, { findingId: id, action: 'close', note: '' });
    await expect(findings.setFindingStatus(evaluator, { findingId: id, action: 'close', note: '' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await findings.findingDetail(evaluator, id)).finding.status).toBe('closed');
    await findings.setFindingStatus(evaluator, { findingId: id, action: 'reopen', note: '家长反映仍有收费' });
    const again = await findings.findingDetail(evaluator, id);
    expect(again.finding.status).toBe('open');
    expect(again.finding.closedAt).toBeNull();
    expect(again.history.map((h) => h.action)).toEqual(['raise', 'close', 'reopen']);
    expect(again.history.at(-1)?.note).toBe('家长反映仍有收费');
    const audits = await client.withSystem((db) =>
      db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.entity, 'finding'), eq(schema.auditLog.entityId, id))),
    );
    expect(audits).toHaveLength(3);
  });
});
