// The annual 先进单位 evaluation on the seeded demo (DESIGN §6), on PGlite and PostgreSQL
// (SUNLIGHT_TEST_DB): the live ranking equals the seed's own figures, the API equals the page's
// data, and the 公示 workflow — publish → objection → answer → final → reopen — with frozen
// snapshots, audit, rate limits and victim/attacker checks.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDemo, type SeededDemo } from '@/seed/testing';

let demo: SeededDemo;
let client: typeof import('@/db/client');
let schema: typeof import('@/db/schema');
let env: typeof import('@/core/env');
let users: typeof import('@/core/auth/users');
let view: typeof import('./view');
let api: typeof import('./api');
let workflow: typeof import('./workflow');
let objections: typeof import('./objections');
let notice: typeof import('./notice-public');
let dashboard: typeof import('@/modules/dashboard/data/dashboard');
let seedRanking: Map<string, { composite: number; reasons: string[]; rank: number | null; awarded: boolean }>;

const YEAR = 2025;

function setToday(iso: string): void {
  process.env.SUNLIGHT_NOW = iso;
  env.resetEnvForTests();
}

async function scopeOf(username: string) {
  const [u] = await client.withSystem((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, username)));
  const s = await users.loadScope(u!.id);
  if (!s) throw new Error(`no scope for ${username}`);
  return s;
}

async function snapshotRows(id: string) {
  const [row] = await client.withSystem((db) => db.select().from(schema.rankingSnapshots).where(eq(schema.rankingSnapshots.id, id)));
  return row!;
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await client.withSystem((db) => db.select({ action: schema.auditLog.action }).from(schema.auditLog).where(eq(schema.auditLog.entityId, entityId)));
  return rows.map((r) => r.action).sort();
}

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  schema = await import('@/db/schema');
  env = await import('@/core/env');
  const { buildDemoRows } = await import('@/seed/demo');
  users = await import('@/core/auth/users');
  view = await import('./view');
  api = await import('./api');
  workflow = await import('./workflow');
  objections = await import('./objections');
  notice = await import('./notice-public');
  dashboard = await import('@/modules/dashboard/data/dashboard');
  const { demoFigures } = await import('@/seed/figures');
  const rows = await buildDemoRows('2026-11-20');
  seedRanking = new Map(
    ['dongcheng', 'xishan'].flatMap((d) =>
      demoFigures(rows, d, YEAR, '2026-11-23').ranking.map((r) => [r.schoolId, { composite: r.composite, reasons: r.reasons, rank: r.rank, awarded: r.awarded }] as const),
    ),
  );
});

afterAll(() => demo?.cleanup());

describe('live ranking', () => {
  it('equals the figures the seed computes with the domain core, and awards someone in every group', async () => {
    for (const user of ['dongcheng.eval', 'xishan.leader']) {
      const v = await view.rankingView(await scopeOf(user), YEAR);
      expect(v.state).toBe('draft');
      expect(v.source).toBe('live');
      expect(v.ranking.rows.length).toBeGreaterThanOrEqual(24);
      for (const r of v.ranking.rows) {
        const seed = seedRanking.get(r.code)!;
        expect({ code: r.code, composite: r.composite, reasons: r.reasons, rank: r.rank, inQuota: r.inQuota }).toEqual({
          code: r.code,
          composite: seed.composite,
          reasons: seed.reasons,
          rank: seed.rank,
          inQuota: seed.awarded,
        });
      }
      for (const g of v.ranking.groups) expect(g.awarded, `${user} ${g.schoolType}`).toBeGreaterThan(0);
    }
    const dc = await view.rankingView(await scopeOf('dongcheng.leader'), YEAR);
    expect(dc.ranking.rows.find((r) => r.code === 'dc17')!.reasons).toEqual(['congressNotMet']);
    expect(dc.ranking.rows.find((r) => r.code === 'dc01')!.eligible).toBe(true);
  });

  it('limits a zone evaluator to their zone’s rows, with district-wide ranks', async () => {
    const whole = await view.rankingView(await scopeOf('dongcheng.eval'), YEAR);
    const zone = await view.rankingView(await scopeOf('dongcheng.eval.z1'), YEAR);
    expect(zone.ranking.rows.length).toBeGreaterThan(0);
    expect(zone.ranking.rows.length).toBeLessThan(whole.ranking.rows.length);
    for (const r of zone.ranking.rows) expect(r.rank).toBe(whole.ranking.rows.find((w) => w.schoolId === r.schoolId)!.rank);
  });

  it('the API returns exactly the page’s data', async () => {
    const leader = await scopeOf('dongcheng.leader');
    const body = await api.rankingsForApi(leader, YEAR);
    const page = await view.rankingView(leader, YEAR);
    expect(body).toEqual(api.rankingApiBody(page));
    expect(body.state).toBe('draft');
    expect(body.schools.map((s) => [s.code, s.composite, s.rank, s.inQuota, s.eligible, s.reasons])).toEqual(
      page.ranking.rows.map((r) => [r.code, r.composite, r.rank, r.inQuota, r.eligible, r.reasons]),
    );
  });

  it('the dashboard’s numbers are the ranking’s', async () => {
    const leader = await scopeOf('dongcheng.leader');
    const d = await dashboard.leaderDashboard(leader, YEAR);
    const page = await view.rankingView(leader, YEAR);
    const top = [...page.ranking.rows].sort((a, b) => b.composite - a.composite || a.code.localeCompare(b.code)).slice(0, 10);
    expect(d.top.map((t) => [t.code, t.composite, t.rank])).toEqual(top.map((t) => [t.code, t.composite, t.rank]));
    expect(d.distribution.reduce((n, b) => n + b.count, 0)).toBe(page.ranking.rows.length);
    expect(d.trend.map((t) => t.quarter)).toEqual([1, 2, 3, 4]);
    expect(d.yearKpis.reportCompleteness).toBeGreaterThan(90);
    expect(d.previous?.year).toBe(2024);
    await expect(dashboard.leaderDashboard(await scopeOf('dongcheng.eval'), YEAR)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('公示 workflow', () => {
  let v1: { id: string; version: number };

  it('refuses to publish a year in progress, and refuses zone evaluators and leaders', async () => {
    await expect(workflow.publishNotice(await scopeOf('dongcheng.eval'), 2026)).rejects.toMatchObject({ code: 'conflict', message: 'yearNotOver' });
    await expect(workflow.publishNotice(await scopeOf('dongcheng.eval.z1'), YEAR)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(workflow.publishNotice(await scopeOf('dongcheng.leader'), YEAR)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('publishes a frozen snapshot with a working-day notice period, audited', async () => {
    const evaluator = await scopeOf('dongcheng.eval');
    v1 = await workflow.publishNotice(evaluator, YEAR);
    expect(v1.version).toBe(1);
    const row = await snapshotRows(v1.id);
    expect(row).toMatchObject({ state: 'notice', noticeStartsOn: '2026-11-24', noticeEndsOn: '2026-11-30' });
    expect(await auditActions(v1.id)).toEqual(['publish']);
    await expect(workflow.publishNotice(evaluator, YEAR)).rejects.toMatchObject({ code: 'conflict', message: 'alreadyPublished' });
    const v = await view.rankingView(evaluator, YEAR);
    expect(v).toMatchObject({ state: 'notice', source: 'snapshot', snapshot: { version: 1 } });
    expect((await api.rankingsForApi(evaluator, YEAR)).schools.every((s) => s.state === 'notice')).toBe(true);
  });

  it('shows the proposed schools publicly and takes objections, rate-limited per address', async () => {
    const pub = await notice.publicNotice('dongcheng', YEAR);
    expect(pub).toMatchObject({ state: 'notice', open: true, noticeEndsOn: '2026-11-30', issuingBody: '东城区教育局　东城区教育工会', publishedOn: '2026-11-23' });
    const live = await view.rankingView(await scopeOf('dongcheng.eval'), YEAR);
    expect(pub!.groups.flatMap((g) => g.schools.map((s) => s.code)).sort()).toEqual(
      live.ranking.rows
        .filter((r) => r.inQuota)
        .map((r) => r.code)
        .sort(),
    );
    expect(await notice.publicNotice('xishan', YEAR)).toBeNull();
    expect(await notice.publicNotice('nowhere', YEAR)).toBeNull();
    expect(await notice.lodgeObjection('dongcheng', YEAR, { text: '该校家长会收费情况与公示不符。', contact: '13800000000' }, '10.1.1.1')).toEqual({ outcome: 'saved', reference: `${YEAR}-001` });
    // Each objection gets the next reference number of the district's year.
    for (let i = 0; i < 5; i++)
      expect(await notice.lodgeObjection('dongcheng', YEAR, { text: `重复意见 ${i}`, contact: null }, '10.9.9.9')).toEqual({ outcome: 'saved', reference: `${YEAR}-00${i + 2}` });
    expect(await notice.lodgeObjection('dongcheng', YEAR, { text: '第六条意见', contact: null }, '10.9.9.9')).toBe('rateLimited');
    expect(await notice.lodgeObjection('xishan', YEAR, { text: '没有公示的区县', contact: null }, '10.1.1.2')).toBe('notFound');
  });

  it('prints the district’s contact for objections as it was when published; leaders read objections with the objector’s phone', async () => {
    // Issue 14: the 公示 names the office that takes objections, and the notice’s promise about who reads them is true.
    expect((await notice.publicNotice('dongcheng', YEAR))!.contact).toContain('010-6401 2345');
    const contact = await import('@/modules/org/data/notice-contact');
    const admin = await scopeOf('dongcheng.admin');
    await contact.saveNoticeContact(admin, { noticeContact: '东城区教育局监察室，电话 010-6400 0000' });
    expect((await contact.noticeContactOf(admin)).noticeContact).toBe('东城区教育局监察室，电话 010-6400 0000');
    expect(await auditActions(admin.districtId!)).toContain('update');
    // The published notice keeps the contact it was published with.
    expect((await notice.publicNotice('dongcheng', YEAR))!.contact).toContain('010-6401 2345');
    await expect(contact.noticeContactOf(await scopeOf('dongcheng.eval'))).rejects.toMatchObject({ code: 'forbidden' });
    const wf = await view.rankingWorkflow(await scopeOf('dongcheng.leader'), YEAR);
    expect(wf.objections.find((o) => o.reference === `${YEAR}-001`)).toMatchObject({ contact: '13800000000' });
  });

  it('keeps the snapshot unchanged when the underlying data changes later', async () => {
    const evaluator = await scopeOf('dongcheng.eval');
    const before = await snapshotRows(v1.id);
    const frozen = await view.rankingView(evaluator, YEAR);
    const dc01 = frozen.ranking.rows.find((r) => r.code === 'dc01')!;
    // An evaluator lowers dc01's Q2 score after publication (a fixture write: the report is
    // approved, so no app action changes its score; the fact store is updated with it, as every
    // write of the app does).
    const { refreshReport } = await import('@/modules/facts/data/refresh');
    await client.withDistrict('*', async (tx) => {
      const [rep] = await tx
        .select({ id: schema.quarterlyReports.id, districtId: schema.quarterlyReports.districtId })
        .from(schema.quarterlyReports)
        .where(and(eq(schema.quarterlyReports.schoolId, dc01.schoolId), eq(schema.quarterlyReports.year, YEAR), eq(schema.quarterlyReports.quarter, 2)));
      await tx.update(schema.evaluations).set({ attention: 2, content: 2 }).where(eq(schema.evaluations.reportId, rep!.id));
      await refreshReport(tx, rep!.districtId, dc01.schoolId, YEAR, 2);
    });
    const after = await snapshotRows(v1.id);
    expect(after.rows).toEqual(before.rows);
    expect(after.settings).toEqual(before.settings);
    const again = await view.rankingView(evaluator, YEAR, { compare: true });
    expect(again.ranking.rows.find((r) => r.code === 'dc01')!.composite).toBe(dc01.composite);
    expect(again.changes!.find((c) => c.schoolId === dc01.schoolId)!.changes).toContain('composite');
    const live = await view.rankingView(evaluator, YEAR, { live: true });
    expect(live.source).toBe('live');
    expect(live.ranking.rows.find((r) => r.code === 'dc01')!.composite).toBeLessThan(dc01.composite);
    expect((await api.rankingsForApi(evaluator, YEAR)).schools.find((s) => s.code === 'dc01')!.composite).toBe(dc01.composite);
  });

  it('cannot be approved while the notice runs', async () => {
    await expect(workflow.approveRanking(await scopeOf('dongcheng.leader'), v1.id)).rejects.toMatchObject({ code: 'conflict', message: 'noticeRunning' });
  });

  it('after the period: objections closed, answers required, then a leader approves', async () => {
    setToday('2026-12-01T09:00:00+08:00');
    expect(await notice.lodgeObjection('dongcheng', YEAR, { text: '期满后提交的意见', contact: null }, '10.1.1.3')).toBe('closed');
    const leader = await scopeOf('dongcheng.leader');
    const evaluator = await scopeOf('dongcheng.eval');
    await expect(workflow.approveRanking(leader, v1.id)).rejects.toMatchObject({ code: 'conflict', message: 'objectionsOpen' });
    const list = await client.withDistrict(evaluator.districtId!, (tx) => objections.objectionsOfYear(tx, evaluator.districtId!, YEAR));
    expect(list).toHaveLength(6);
    // Only whole-district evaluators answer; leaders and zone evaluators may not.
    await expect(objections.answerObjection(leader, list[0]!.id, '已核实。')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(objections.answerObjection(await scopeOf('dongcheng.eval.z1'), list[0]!.id, '已核实。')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(objections.answerObjection(await scopeOf('xishan.eval'), list[0]!.id, '越权答复')).rejects.toMatchObject({ code: 'notFound' });
    for (const o of list) await objections.answerObjection(evaluator, o.id, '经核实，该校收费项目均经批准并已公开，异议不成立。');
    await expect(objections.answerObjection(evaluator, list[0]!.id, '再次答复')).rejects.toMatchObject({ code: 'conflict' });
    expect(await auditActions(list[0]!.id)).toEqual(['answer', 'lodge']);

    // Victim and attacker: another district's leader cannot approve; nothing changes.
    await expect(workflow.approveRanking(await scopeOf('xishan.leader'), v1.id)).rejects.toMatchObject({ code: 'notFound' });
    await expect(workflow.approveRanking(evaluator, v1.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await snapshotRows(v1.id)).state).toBe('notice');

    await workflow.approveRanking(leader, v1.id);
    const row = await snapshotRows(v1.id);
    expect(row.state).toBe('final');
    expect(row.approvedBy).toBe(leader.userId);
    expect(await auditActions(v1.id)).toEqual(['approve', 'publish']);
    await expect(workflow.approveRanking(leader, v1.id)).rejects.toMatchObject({ code: 'conflict', message: 'notInNotice' });
    expect((await api.rankingsForApi(leader, YEAR)).state).toBe('final');
    expect((await notice.publicNotice('dongcheng', YEAR))!.state).toBe('final');
  });

  it('reopening needs a reason and makes a new version; the old one is superseded', async () => {
    const leader = await scopeOf('dongcheng.leader');
    await expect(workflow.reopenRanking(leader, v1.id, '  ')).rejects.toMatchObject({ code: 'conflict', message: 'reasonRequired' });
    await expect(workflow.reopenRanking(await scopeOf('xishan.leader'), v1.id, '越权')).rejects.toMatchObject({ code: 'notFound' });
    const v2 = await workflow.reopenRanking(leader, v1.id, '评估得分更正后重新公示');
    expect(v2.version).toBe(2);
    const old = await snapshotRows(v1.id);
    expect(old.state).toBe('superseded');
    expect(old.supersededAt).not.toBeNull();
    const next = await snapshotRows(v2.id);
    expect(next).toMatchObject({ state: 'notice', reopenReason: '评估得分更正后重新公示', noticeStartsOn: '2026-12-02', noticeEndsOn: '2026-12-08' });
    expect(await auditActions(v1.id)).toEqual(['approve', 'publish', 'reopen']);
    expect(await auditActions(v2.id)).toEqual(['republish']);
    // The new version carries the corrected data; the old one stays as it was frozen.
    const v = await view.rankingView(leader, YEAR);
    const dc01 = v.ranking.rows.find((r) => r.code === 'dc01')!;
    const oldRows = old.rows as { code: string; composite: number }[];
    expect(dc01.composite).toBeLessThan(oldRows.find((r) => r.code === 'dc01')!.composite);
    await expect(workflow.reopenRanking(leader, v1.id, '再次')).rejects.toMatchObject({ code: 'conflict', message: 'notActive' });
    const wf = await view.rankingWorkflow(leader, YEAR);
    expect(wf.versions.map((x) => [x.version, x.state])).toEqual([
      [2, 'notice'],
      [1, 'superseded'],
    ]);
    expect(wf.can.approve).toEqual({ allowed: false, reason: 'noticeRunning' });
    setToday('2026-11-23T10:00:00+08:00');
  });
});
