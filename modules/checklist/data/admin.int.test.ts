// Yearly checklist versions (DESIGN §2, issue 7) on the seeded demo, "today" 2026-11-23 (Q4):
// an edit of the frozen 2026 checklist makes version 2 from Q4 and leaves Q1–Q3 figures as they
// were; platform districts and templates; the audit viewer's scoping.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atClock, scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';
import type { ItemInput } from '@/modules/checklist/validation/checklist';

let demo: SeededDemo;
let client: typeof import('@/db/client');
let schema: typeof import('@/db/schema');
let admin: typeof import('./admin');
let items: typeof import('./items');
let figures: typeof import('./figures');
let freeze: typeof import('./freeze');
let platform: typeof import('@/modules/org/data/platform');
let templates: typeof import('./templates');
let viewer: typeof import('@/modules/audit/data/viewer');
let signIn: typeof import('@/core/auth/sign-in');

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  schema = await import('@/db/schema');
  admin = await import('./admin');
  items = await import('./items');
  figures = await import('./figures');
  freeze = await import('./freeze');
  platform = await import('@/modules/org/data/platform');
  templates = await import('./templates');
  viewer = await import('@/modules/audit/data/viewer');
  signIn = await import('@/core/auth/sign-in');
});

afterAll(() => demo?.cleanup());

async function itemInput(scope: Awaited<ReturnType<typeof scopeOf>>, year: number, code: string): Promise<ItemInput> {
  const { item } = await admin.checklistItemForEdit(scope, year, code);
  const { id: _id, districtId: _d, versionId: _v, retired: _r, ...rest } = item;
  return rest;
}

describe('checklist versions', () => {
  it('edits of the frozen current year make version 2 from Q4; earlier quarters keep their figures', async () => {
    const dc = await scopeOf('dongcheng.admin');
    const before = await figures.checklistQuarterFigures(dc, 2026);
    const overview = await admin.checklistOverview(dc, 2026);
    expect(overview.versions).toMatchObject([{ version: 1, frozen: true }]);
    expect(overview.plan).toEqual({ kind: 'newVersion', version: 2, effectiveFromQuarter: 4 });

    const m01 = await itemInput(dc, 2026, 'M01');
    const r = await items.saveChecklistItem(dc, 2026, 'M01', { ...m01, weight: 6 });
    expect(r).toEqual({ ok: true, value: { version: 2, effectiveFromQuarter: 4, newVersion: true } });
    const after = await figures.checklistQuarterFigures(dc, 2026);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after.map((f) => f.version)).toEqual([1, 1, 1, 2]);
    expect(after[3]!.coverage).not.toEqual(before[3]!.coverage);

    // Version 2 is not frozen (no Q4 report submitted): a second edit goes into it.
    const again = await items.setChecklistItemRetired(dc, 2026, 'T01', true);
    expect(again).toEqual({ ok: true, value: { version: 2, effectiveFromQuarter: 4, newVersion: false } });
    expect((await admin.checklistOverview(dc, 2026)).versions).toHaveLength(2);
    // Version 1 is untouched.
    const v1 = await admin.checklistOverview(dc, 2026, 1);
    expect(v1.shown!.items.find((i) => i.code === 'M01')!.weight).toBe(m01.weight);
    expect(v1.shown!.items.find((i) => i.code === 'T01')!.retired).toBe(false);
  });

  it('the first Q4 report submitted freezes version 2 (DESIGN §2); after that the year can no longer change', async () => {
    const dc = await scopeOf('dongcheng.admin');
    expect((await admin.checklistOverview(dc, 2026)).versions.map((v) => [v.version, v.frozen])).toEqual([
      [1, true],
      [2, false],
    ]);
    const rep = await import('@/modules/reports/data/school-report');
    const coordinator = await scopeOf('dongcheng.dc12');
    const review = await rep.coordinatorReport(coordinator, { year: 2026, quarter: 4 });
    // §3: Q4 can be submitted from the day after it ends.
    const r = await atClock('2027-01-02T10:00:00+08:00', () => rep.submitQuarterReport(coordinator, { year: 2026, quarter: 4, version: review.report?.version ?? 0, confirmGaps: true }));
    expect(r).toMatchObject({ ok: true });
    expect((await admin.checklistOverview(dc, 2026)).versions.map((v) => [v.version, v.frozen])).toEqual([
      [1, true],
      [2, true],
    ]);
    const m01 = await itemInput(dc, 2026, 'M01');
    // No quarter of 2026 is left for a new version: the edit is refused with the reason shown.
    expect(await items.saveChecklistItem(dc, 2026, 'M01', { ...m01, weight: 7 })).toEqual({ ok: false, errors: { _form: { key: 'adminChecklist.plan.quarterReported' } } });
    expect((await admin.checklistOverview(dc, 2026)).plan).toEqual({ kind: 'refused', reason: 'quarterReported', quarter: 4 });
  });

  it('an unchanged save creates nothing; past years stay frozen', async () => {
    const xs = await scopeOf('xishan.admin');
    const g01 = await itemInput(xs, 2026, 'G01');
    expect(await items.saveChecklistItem(xs, 2026, 'G01', g01)).toEqual({ ok: true, value: { version: 1, effectiveFromQuarter: 1, newVersion: false } });
    const past = await items.saveChecklistItem(xs, 2025, 'G01', { ...(await itemInput(xs, 2025, 'G01')), weight: 3 });
    expect(past).toEqual({ ok: false, errors: { _form: { key: 'adminChecklist.plan.pastYear' } } });
  });

  it('starts a year from last year or from a template, and freezes on the first submission', async () => {
    const xs = await scopeOf('xishan.admin');
    expect(await admin.startChecklist(xs, 2027, { kind: 'previousYear' })).toEqual({ ok: true, value: 1 });
    const o = await admin.checklistOverview(xs, 2027);
    expect(o.shown!.items).toHaveLength(28);
    expect(o.plan).toEqual({ kind: 'inPlace', version: 1 });
    expect((await admin.startChecklist(xs, 2027, { kind: 'previousYear' })).ok).toBe(false);
    const xsId = xs.districtId!;
    await client.withDistrict(xsId, (tx) => freeze.freezeChecklistOnFirstSubmit(tx, xsId, 2027, new Date('2027-04-02T01:00:00Z'), 1));
    expect((await admin.checklistOverview(xs, 2027)).versions[0]!.frozen).toBe(true);
    const tpl = (await admin.checklistOverview(xs, 2028)).templates[0]!;
    expect(await admin.startChecklist(xs, 2028, { kind: 'template', templateId: tpl.id })).toEqual({ ok: true, value: 1 });
  });

  it('imports a checklist file: listed items updated or added, the rest retired', async () => {
    const xs = await scopeOf('xishan.admin');
    const g01 = await itemInput(xs, 2028, 'G01');
    const r = await items.importChecklistItems(xs, 2028, [
      { ...g01, weight: 4, retired: false },
      { ...g01, code: 'Z99', name: '新增事项', retired: false },
    ]);
    expect(r).toEqual({ ok: true, value: { version: 1, effectiveFromQuarter: 1, newVersion: false } });
    const shown = (await admin.checklistOverview(xs, 2028)).shown!.items;
    expect(shown.filter((i) => !i.retired).map((i) => [i.code, i.weight])).toEqual([
      ['G01', 4],
      ['Z99', 1],
    ]);
    expect(shown).toHaveLength(29);
  });

  it('never touches another district’s checklist', async () => {
    const dc = await scopeOf('dongcheng.admin');
    const before = await client.withSystem((db) => db.select().from(schema.checklistVersions).where(eq(schema.checklistVersions.year, 2028)));
    expect((await admin.checklistOverview(dc, 2028)).versions).toEqual([]);
    expect(await client.withSystem((db) => db.select().from(schema.checklistVersions).where(eq(schema.checklistVersions.year, 2028)))).toEqual(before);
  });
});

describe('platform', () => {
  it('creates a district with its first admin, who must change the one-time password', async () => {
    const p = await scopeOf('platform');
    const r = await platform.createDistrict(p, { code: 'nanhu', name: '南湖区', issuingBody: '南湖区教育局', adminUsername: 'nanhu.admin', adminDisplayName: '林管理' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await signIn.checkCredentials('nanhu.admin', r.value.password, 'test')).toMatchObject({ ok: true });
    const [u] = await client.withSystem((db) => db.select().from(schema.users).where(eq(schema.users.username, 'nanhu.admin')));
    expect(u).toMatchObject({ role: 'districtAdmin', mustChangePassword: true });
    const again = await platform.createDistrict(p, { code: 'nanhu', name: 'x', issuingBody: 'x', adminUsername: 'dongcheng.admin', adminDisplayName: 'x' });
    expect(again).toEqual({ ok: false, errors: { code: { key: 'adminForm.codeTaken' } } });
    await expect(platform.createDistrict(await scopeOf('dongcheng.admin'), { code: 'evil', name: 'x', issuingBody: 'x', adminUsername: 'evil.admin', adminDisplayName: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('copies a template and edits its items', async () => {
    const p = await scopeOf('platform');
    const [first] = await templates.listTemplates(p);
    const copy = await templates.copyTemplate(p, first!.id, { code: 'county-2027', name: '县域模板' });
    expect(copy.ok).toBe(true);
    if (!copy.ok) return;
    const { items: copied } = await templates.getTemplate(p, copy.value);
    expect(copied).toHaveLength(first!.items);
    const { id: _i, templateId: _t, ...g01 } = copied.find((i) => i.code === 'G01')!;
    expect((await templates.saveTemplateItem(p, copy.value, 'G01', { ...g01, weight: 5 })).ok).toBe(true);
    await templates.removeTemplateItem(p, copy.value, 'T01');
    const { items: edited } = await templates.getTemplate(p, copy.value);
    expect(edited.find((i) => i.code === 'G01')!.weight).toBe(5);
    expect(edited).toHaveLength(first!.items - 1);
    expect((await templates.getTemplate(p, first!.id)).items.find((i) => i.code === 'G01')!.weight).toBe(1);
  });
});

describe('audit viewer', () => {
  it('shows district admins their district’s entries and the platform admin the platform’s', async () => {
    const dc = await viewer.auditPage(await scopeOf('dongcheng.admin'), { page: 1 });
    expect(dc.total).toBeGreaterThan(0);
    expect(dc.rows.every((r) => r.entity !== 'district')).toBe(true);
    const dcIds = new Set(dc.rows.map((r) => r.id));
    const xs = await viewer.auditPage(await scopeOf('xishan.admin'), { page: 1, entity: 'checklist_version' });
    expect(xs.rows.length).toBeGreaterThan(0);
    expect(xs.rows.some((r) => dcIds.has(r.id))).toBe(false);
    const pf = await viewer.auditPage(await scopeOf('platform'), { page: 1, entity: 'district' });
    expect(pf.rows.map((r) => (r.after as { code: string }).code)).toEqual(['nanhu']);
    const filtered = await viewer.auditPage(await scopeOf('dongcheng.admin'), { page: 1, entity: 'checklist_item', from: '2026-11-23', to: '2026-11-23' });
    expect(filtered.rows.map((r) => r.action).sort()).toEqual(['retire', 'update']);
    await expect(viewer.auditPage(await scopeOf('dongcheng.eval'), { page: 1 })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
