// The review loop evaluators work (issue 14), on the seeded demo (PGlite and PostgreSQL): the work
// queue across quarters, re-review of a rejected disclosure the school changed (已修改待复核,
// accepted in one step), and a rectification sent back as 整改不到位 with a new due date.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';
import { returnRectificationSchema } from '@/modules/reports/validation/findings';
import { fieldErrors } from '@/core/forms/field-errors';

let demo: SeededDemo;
let schema: typeof import('@/db/schema');
let work: typeof import('./work-queue');
let reviewReport: typeof import('./review-report');
let reviewActions: typeof import('./review-actions');
let findings: typeof import('./findings');
let schoolFindings: typeof import('./findings-school');
let disclosures: typeof import('@/modules/disclosures/data/disclosures');
let evidence: typeof import('@/modules/disclosures/data/evidence');
let briefs: typeof import('@/modules/obligations/data/school-queries');

const sys = <T>(fn: (db: Parameters<Parameters<SeededDemo['client']['withSystem']>[0]>[0]) => Promise<T>) => demo.client.withSystem(fn);

async function schoolId(code: string): Promise<string> {
  const [s] = await sys((db) => db.select({ id: schema.schools.id }).from(schema.schools).where(eq(schema.schools.code, code)));
  return s!.id;
}

async function reportId(code: string, year: number, quarter: number): Promise<string | null> {
  const [r] = await sys((db) =>
    db
      .select({ id: schema.quarterlyReports.id })
      .from(schema.quarterlyReports)
      .innerJoin(schema.schools, eq(schema.schools.id, schema.quarterlyReports.schoolId))
      .where(and(eq(schema.schools.code, code), eq(schema.quarterlyReports.year, year), eq(schema.quarterlyReports.quarter, quarter))),
  );
  return r?.id ?? null;
}

const values = (over: Record<string, unknown> = {}) => ({
  disclosedOn: '2026-11-05',
  channels: ['noticeBoard'],
  audience: 'internal',
  summary: '公开10月学校财务收支情况。',
  ...over,
});

beforeAll(async () => {
  demo = await seededDemo();
  schema = await import('@/db/schema');
  work = await import('./work-queue');
  reviewReport = await import('./review-report');
  reviewActions = await import('./review-actions');
  findings = await import('./findings');
  schoolFindings = await import('./findings-school');
  disclosures = await import('@/modules/disclosures/data/disclosures');
  evidence = await import('@/modules/disclosures/data/evidence');
  briefs = await import('@/modules/obligations/data/school-queries');
});

afterAll(() => demo?.cleanup());

describe('the work queue across quarters', () => {
  it('holds the reports waiting for review of every quarter, oldest first, with the days waited', async () => {
    const q = await work.evaluatorWork(await scopeOf('dongcheng.eval'));
    expect(q.today).toBe('2026-11-23');
    expect(q.from).toEqual({ year: 2025, quarter: 1 });
    const review = q.groups.review;
    // The six Q3 2026 reports submitted in October wait, whatever quarter is current.
    expect(
      review
        .filter((w) => w.report?.year === 2026 && w.report.quarter === 3)
        .map((w) => w.schoolCode)
        .sort(),
    ).toEqual(['dc04', 'dc08', 'dc12', 'dc16', 'dc20', 'dc24']);
    expect(review.map((w) => w.since)).toEqual([...review.map((w) => w.since)].sort());
    for (const w of review) {
      expect(w.href).toMatch(/^\/review\/reports\/[0-9a-f-]{36}$/);
      expect(w.days).toBe(Math.round((Date.parse('2026-11-23') - Date.parse(w.since)) / 86400000));
    }
  });

  it('lists reports not submitted after their due date as overdue, counted from the due date', async () => {
    const q = await work.evaluatorWork(await scopeOf('dongcheng.eval'));
    const q3 = q.groups.overdueReport.filter((w) => w.report?.year === 2026 && w.report.quarter === 3);
    expect(q3.map((w) => w.schoolCode).sort()).toEqual(['dc07', 'dc15', 'dc23']);
    expect(q3.every((w) => w.since === '2026-10-15' && w.days === 39)).toBe(true);
    // The current quarter's reports are not due yet: never overdue.
    expect(q.groups.overdueReport.some((w) => w.report?.year === 2026 && w.report.quarter === 4)).toBe(false);
    expect(
      q.groups.returned
        .filter((w) => w.report?.year === 2026 && w.report.quarter === 3)
        .map((w) => w.schoolCode)
        .sort(),
    ).toEqual(['dc10', 'dc18', 'dc26']);
  });

  it('shows a zone evaluator their zones only; leaders read it; coordinators may not', async () => {
    const zone = await work.evaluatorWork(await scopeOf('dongcheng.eval.z1'));
    const codes = new Set(Object.values(zone.groups).flatMap((g) => g.map((w) => w.schoolCode)));
    expect(codes.size).toBeGreaterThan(0);
    for (const c of codes) expect(['dc01', 'dc02', 'dc03', 'dc04', 'dc05', 'dc06', 'dc07', 'dc08']).toContain(c);
    expect(zone.zones).toBe(true);
    const leader = await work.evaluatorWork(await scopeOf('dongcheng.leader'));
    expect(leader.groups.review.length).toBeGreaterThan(0);
    await expect(work.evaluatorWork(await scopeOf('dongcheng.dc01'))).rejects.toMatchObject({ code: 'forbidden' });
    const xs = await work.evaluatorWork(await scopeOf('xishan.eval'));
    expect(
      Object.values(xs.groups)
        .flat()
        .every((w) => w.schoolCode.startsWith('xs')),
    ).toBe(true);
  });
});

describe('re-review after a fix (已修改待复核)', () => {
  it('a rejected disclosure the school changes is marked revised, queued, and accepted in one step', async () => {
    const dc03 = await scopeOf('dongcheng.dc03');
    const evaluator = await scopeOf('dongcheng.eval');
    const id = randomUUID();
    expect(await disclosures.createDisclosure(dc03, { id, itemCode: 'M01', periodKey: '2026-10', values: values() })).toMatchObject({ ok: true });
    const rejectionId = await reviewActions.rejectDisclosure(evaluator, { disclosureId: id, reason: '缺少支出明细' });
    let queue = await work.evaluatorWork(evaluator);
    expect(queue.groups.revised.some((w) => w.disclosure?.id === id)).toBe(false);

    // The school changes it: the rejection stands, marked as revised.
    expect(await disclosures.updateDisclosure(dc03, { id, version: 1, values: values({ summary: '公开10月财务收支，附支出明细。' }) })).toMatchObject({ ok: true });
    queue = await work.evaluatorWork(evaluator);
    const item = queue.groups.revised.find((w) => w.disclosure?.id === id)!;
    expect(item).toMatchObject({ schoolCode: 'dc03', since: '2026-11-23', days: 0, disclosure: { itemCode: 'M01', itemName: '学校财务收支情况', periodKey: '2026-10', reason: '缺少支出明细' } });
    const rid = (await reportId('dc03', 2026, 4))!;
    expect(item.href).toBe(`/review/reports/${rid}#d-${id}`);
    const view = await reviewReport.reportReview(evaluator, rid);
    const d = view.obligations.flatMap((o) => o.disclosures).find((x) => x.id === id)!;
    expect(d.rejection).toMatchObject({ id: rejectionId, reason: '缺少支出明细' });
    expect(d.rejection!.revisedAt).toBeInstanceOf(Date);
    const own = await sys((db) => briefs.disclosureBriefs(db as never, dc03.districtId!, dc03.schoolId!, { year: 2026, quarter: 4 }, { itemCode: 'M01', periodKey: '2026-10' }));
    expect(own.find((b) => b.id === id)).toMatchObject({ rejection: '缺少支出明细', rejectionRevised: true });

    // Accepting the change is withdrawing the rejection: one step, audited as such.
    await reviewActions.withdrawRejection(evaluator, rejectionId);
    queue = await work.evaluatorWork(evaluator);
    expect(queue.groups.revised.some((w) => w.disclosure?.id === id)).toBe(false);
    const [entry] = await sys((db) =>
      db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.entityId, id), eq(schema.auditLog.action, 'withdrawRejection'))),
    );
    expect(entry!.after).toMatchObject({ acceptedRevision: expect.any(String) });
  });

  it('new evidence on a rejected disclosure also marks it revised; an untouched rejection is not', async () => {
    const dc03 = await scopeOf('dongcheng.dc03');
    const evaluator = await scopeOf('dongcheng.eval');
    const touched = randomUUID();
    const untouched = randomUUID();
    await disclosures.createDisclosure(dc03, { id: touched, itemCode: 'M01', periodKey: '2026-11', values: values({ disclosedOn: '2026-11-20' }) });
    await disclosures.createDisclosure(dc03, { id: untouched, itemCode: 'M03', periodKey: '2026-10', values: values({ audience: 'external' }) });
    await reviewActions.rejectDisclosure(evaluator, { disclosureId: touched, reason: '无佐证' });
    await reviewActions.rejectDisclosure(evaluator, { disclosureId: untouched, reason: '渠道不符' });
    await evidence.addEvidenceLink(dc03, { ownerType: 'disclosure', ownerId: touched, url: 'https://school.example.cn/notice/2026-11' });
    const revised = (await work.evaluatorWork(evaluator)).groups.revised.map((w) => w.disclosure?.id);
    expect(revised).toContain(touched);
    expect(revised).not.toContain(untouched);
  });
});

describe('整改不到位: a rectification sent back', () => {
  it('reopens the finding with a new due date; badges follow the facts', async () => {
    const evaluator = await scopeOf('dongcheng.eval');
    const dc03 = await scopeOf('dongcheng.dc03');
    // Raised with a due date already past; answered late.
    const fid = await findings.raiseFinding(evaluator, { schoolId: await schoolId('dc03'), severity: 'serious', itemCode: null, dueOn: '2026-11-20', title: '公开栏未更新', description: '' });
    let list = await findings.findingsList(evaluator, { filter: 'open' });
    expect(list.find((f) => f.id === fid)).toMatchObject({ stage: 'awaitingResponse', overdue: true, answeredLate: false });
    await schoolFindings.respondToFinding(dc03, { findingId: fid, rectificationId: randomUUID(), response: '已更新公开栏。' });
    list = await findings.findingsList(evaluator, { filter: 'open' });
    // Answered: no longer overdue (the school owes nothing), but answered after the due date.
    expect(list.find((f) => f.id === fid)).toMatchObject({ stage: 'responded', overdue: false, answeredLate: true });
    expect((await work.evaluatorWork(evaluator)).groups.rectification.some((w) => w.finding?.id === fid)).toBe(true);

    // The new due date must lie ahead; only an answered finding can be sent back.
    await expect(findings.returnRectification(evaluator, { findingId: fid, reason: '照片不清', dueOn: '2026-11-23' })).rejects.toMatchObject({
      code: 'badRequest',
      message: 'evaluatorFindings.dueInFuture',
      detail: { field: 'dueOn' },
    });
    await expect(findings.returnRectification(await scopeOf('xishan.eval'), { findingId: fid, reason: 'x', dueOn: '2026-12-10' })).rejects.toMatchObject({ code: 'notFound' });
    await expect(findings.returnRectification(await scopeOf('dongcheng.leader'), { findingId: fid, reason: 'x', dueOn: '2026-12-10' })).rejects.toMatchObject({ code: 'forbidden' });
    await findings.returnRectification(evaluator, { findingId: fid, reason: '照片看不到更新日期', dueOn: '2026-12-10' });
    // Sent back once: there is no answer left to send back.
    await expect(findings.returnRectification(evaluator, { findingId: fid, reason: '照片不清', dueOn: '2026-12-10' })).rejects.toMatchObject({ code: 'conflict', message: 'wrongState' });

    const detail = await findings.findingDetail(evaluator, fid);
    expect(detail.finding).toMatchObject({ status: 'open', dueOn: '2026-12-10' });
    expect(detail).toMatchObject({ stage: 'resubmit', overdue: false });
    expect(detail.responses.at(-1)).toMatchObject({ verdict: 'insufficient', verdictReason: '照片看不到更新日期' });
    expect(detail.history.map((h) => h.action)).toEqual(['raise', 'respond', 'insufficient']);

    const school = (await schoolFindings.schoolFindings(dc03)).find((f) => f.id === fid)!;
    expect(school).toMatchObject({ stage: 'resubmit', overdue: false, dueOn: '2026-12-10' });
    expect(school.responses[0]!.insufficient).toMatchObject({ reason: '照片看不到更新日期' });
    const waiting = (await work.evaluatorWork(evaluator)).groups.awaitingRectification.find((w) => w.finding?.id === fid);
    expect(waiting).toMatchObject({ since: '2026-11-23', days: 0 });

    // The school answers again: waiting for the evaluator once more.
    await schoolFindings.respondToFinding(dc03, { findingId: fid, rectificationId: randomUUID(), response: '已重新拍照并补充说明。' });
    expect((await findings.findingDetail(evaluator, fid)).stage).toBe('responded');
    const [latest] = await sys((db) => db.select().from(schema.rectifications).where(eq(schema.rectifications.findingId, fid)).orderBy(desc(schema.rectifications.submittedAt)).limit(1));
    expect(latest!.verdict).toBeNull();
  });

  it('validates the form: a reason and a real date', () => {
    const r = returnRectificationSchema.safeParse({ findingId: 'nope', reason: ' ', dueOn: '2026-02-30' });
    expect(Object.keys(fieldErrors(r.error!)).sort()).toEqual(['dueOn', 'findingId', 'reason']);
  });
});
