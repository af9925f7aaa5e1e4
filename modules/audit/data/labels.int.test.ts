// Issue 14: the audit viewer names records instead of showing bare UUIDs — the entry's own record
// and the ids inside before/after — and only within the caller's district (row-level security).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';

let demo: SeededDemo;
let viewer: typeof import('./viewer');
let schema: typeof import('@/db/schema');

beforeAll(async () => {
  demo = await seededDemo();
  viewer = await import('./viewer');
  schema = await import('@/db/schema');
});
afterAll(() => demo?.cleanup());

describe('audit viewer names', () => {
  it('names the disclosure, the declared event and the school an entry is about', async () => {
    const dc03 = await scopeOf('dongcheng.dc03');
    const events = await import('@/modules/obligations/data/events');
    const disclosures = await import('@/modules/disclosures/data/disclosures');
    const review = await import('@/modules/reports/data/review-actions');
    expect(await events.declareEvent(dc03, { itemCode: 'B02', eventDate: '2026-11-12', title: '多媒体教室设备采购' })).toMatchObject({ ok: true });
    const id = randomUUID();
    await disclosures.createDisclosure(dc03, {
      id,
      itemCode: 'M03',
      periodKey: '2026-10',
      values: { disclosedOn: '2026-11-05', channels: ['noticeBoard'], audience: 'external', summary: '10月伙食费' },
    });
    await review.rejectDisclosure(await scopeOf('dongcheng.eval'), { disclosureId: id, reason: '缺少明细' });

    const findings = await import('@/modules/reports/data/findings');
    const [dc03School] = await demo.client.withSystem((db) => db.select({ id: schema.schools.id }).from(schema.schools).where(eq(schema.schools.code, 'dc03')));
    await findings.raiseFinding(await scopeOf('dongcheng.eval'), { schoolId: dc03School!.id, severity: 'minor', itemCode: null, dueOn: '2026-12-20', title: '公开栏照片模糊', description: '' });

    const page = await viewer.auditPage(await scopeOf('dongcheng.admin'), { page: 1 });
    const rejected = page.rows.find((r) => r.entityId === id && r.action === 'reject')!;
    expect(page.refs.get(rejected.entityId)).toMatchObject({ key: 'disclosure', values: { school: '东城区育才小学', item: 'M03' }, periodKey: '2026-10' });
    const declared = page.rows.find((r) => r.entity === 'declared_event')!;
    expect(page.refs.get(declared.entityId)).toMatchObject({ key: 'event', values: { title: '多媒体教室设备采购', date: '2026-11-12' } });
    // Ids inside before/after are named too: the school a finding was raised against.
    const raised = page.rows.find((r) => r.entity === 'finding' && r.action === 'raise')!;
    expect(page.refs.get(raised.entityId)).toMatchObject({ key: 'finding', values: { title: '公开栏照片模糊' } });
    expect((raised.after as { schoolId: string }).schoolId).toBe(dc03School!.id);
    expect(page.refs.get(dc03School!.id)).toMatchObject({ key: 'school', values: { code: 'dc03', name: '东城区育才小学' } });
  });

  it('another district’s ids stay ids', async () => {
    const { entityRefs } = await import('./labels');
    const { inDistrict } = await import('@/core/context');
    const [dc01] = await demo.client.withSystem((db) => db.select({ id: schema.schools.id }).from(schema.schools).where(eq(schema.schools.code, 'dc01')));
    const refs = await inDistrict(await scopeOf('xishan.admin'), ['districtAdmin'], (tx) => entityRefs(tx, [dc01!.id]));
    expect(refs.size).toBe(0);
    const own = await inDistrict(await scopeOf('dongcheng.admin'), ['districtAdmin'], (tx) => entityRefs(tx, [dc01!.id]));
    expect(own.get(dc01!.id)).toMatchObject({ key: 'school', values: { code: 'dc01' } });
  });
});
