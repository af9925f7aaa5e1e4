// The quarterly report, events, findings and history of a school on the seeded demo (today
// 2026-11-23), against PGlite and PostgreSQL: submit on time / late with gaps recorded, resubmit
// after a return (first submission kept), locked after submit, version conflicts, event rules,
// rectifications (victim and attacker), history figures.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditOf, disclosureRow, reportOf, scopeOf, seededWorld, sys, type World } from './coordinator.int.testutil';

let w: World;
let rep: typeof import('./school-report');
let d: typeof import('@/modules/disclosures/data/disclosures');
let events: typeof import('@/modules/obligations/data/events');
let findings: typeof import('./findings-school');
let history: typeof import('./history');

beforeAll(async () => {
  w = await seededWorld();
  rep = await import('./school-report');
  d = await import('@/modules/disclosures/data/disclosures');
  events = await import('@/modules/obligations/data/events');
  findings = await import('./findings-school');
  history = await import('./history');
});
afterAll(async () => w?.cleanup());

async function transitions(reportId: string) {
  return sys(w, (db) => db.select().from(w.schema.reportTransitions).where(eq(w.schema.reportTransitions.reportId, reportId)));
}

/** Within the demo's "today" (SUNLIGHT_NOW starts the clock at 10:00 Asia/Shanghai, and it runs). */
function onDemoDay(d: Date | null): boolean {
  const start = new Date('2026-11-23T10:00:00+08:00').getTime();
  return d !== null && d.getTime() >= start && d.getTime() < new Date('2026-11-24T00:00:00+08:00').getTime();
}

describe('submit the quarterly report (§5)', () => {
  it('on time: asks for confirmation while mandatory obligations are unmet, then records the gaps', async () => {
    const dc12 = await scopeOf(w, 'dongcheng.dc12');
    const review = await rep.coordinatorReport(dc12, { year: 2026, quarter: 4 });
    expect(review.canSubmit).toBe(true);
    expect(review.gaps.length).toBeGreaterThan(0);
    const version = review.report?.version ?? 0;
    expect(await rep.submitQuarterReport(dc12, { year: 2026, quarter: 4, version, confirmGaps: false })).toEqual({ ok: false, kind: 'needsConfirm', gaps: review.gaps.length });
    expect((await reportOf(w, 'dc12', 2026, 4))?.state).toBe('draft');
    const r = await rep.submitQuarterReport(dc12, { year: 2026, quarter: 4, version, confirmGaps: true });
    expect(r).toEqual({ ok: true, onTime: true, resubmitted: false, gaps: review.gaps.length });
    const row = (await reportOf(w, 'dc12', 2026, 4))!;
    // Stamped by the app's clock (SUNLIGHT_NOW, then running): the demo's day, first = last submission.
    expect(row.state).toBe('submitted');
    expect(onDemoDay(row.submittedAt)).toBe(true);
    expect(row.lastSubmittedAt).toEqual(row.submittedAt);
    expect(row.gapsAtSubmit).toEqual(review.gaps.map((g) => ({ itemCode: g.itemCode, periodKey: g.periodKey })));
    expect((await transitions(row.id)).map((t) => [t.fromState, t.toState, t.actorId])).toEqual([['draft', 'submitted', dc12.userId]]);
    expect((await auditOf(w, row.id)).map((a) => a.action)).toContain('submit');
  });

  it('late: a Q3 draft submitted after its due date (2026-10-15) is marked late', async () => {
    const dc15 = await scopeOf(w, 'dongcheng.dc15');
    const before = await reportOf(w, 'dc15', 2026, 3);
    expect(before?.state).toBe('draft');
    const r = await rep.submitQuarterReport(dc15, { year: 2026, quarter: 3, version: before!.version, confirmGaps: true });
    expect(r).toMatchObject({ ok: true, onTime: false });
    expect((await rep.coordinatorReport(dc15, { year: 2026, quarter: 3 })).onTime).toBe(false);
  });

  it('a submitted report is locked: no second submission, no edits', async () => {
    const dc12 = await scopeOf(w, 'dongcheng.dc12');
    const row = (await reportOf(w, 'dc12', 2026, 4))!;
    expect(await rep.submitQuarterReport(dc12, { year: 2026, quarter: 4, version: row.version, confirmGaps: true })).toEqual({ ok: false, kind: 'wrongState', state: 'submitted' });
    const view = await rep.coordinatorReport(dc12, { year: 2026, quarter: 4 });
    expect(view).toMatchObject({ canSubmit: false, block: 'submitted' });
    await expect(d.createDisclosure(dc12, { id: randomUUID(), itemCode: 'M03', periodKey: '2026-10', values: {} })).rejects.toMatchObject({ block: 'submitted' });
  });

  it('a stale review (another tab changed the report) is a conflict', async () => {
    const dc13 = await scopeOf(w, 'dongcheng.dc13');
    const row = await reportOf(w, 'dc13', 2026, 4);
    expect(await rep.submitQuarterReport(dc13, { year: 2026, quarter: 4, version: row!.version + 5, confirmGaps: true })).toEqual({ ok: false, kind: 'conflict' });
    expect((await reportOf(w, 'dc13', 2026, 4))?.state).toBe('draft');
  });

  it('returned → resubmitted: comments shown, editable after the close date, first submission kept', async () => {
    const dc10 = await scopeOf(w, 'dongcheng.dc10');
    const q3 = { year: 2026, quarter: 3 as const };
    const before = (await reportOf(w, 'dc10', 2026, 3))!;
    expect(before.state).toBe('returned');
    const review = await rep.coordinatorReport(dc10, q3);
    expect(review.block).toBeNull();
    expect(review.returnReason).toBeTruthy();
    expect(review.canSubmit).toBe(true);
    // Correct one of its disclosures although Q3 closed on 2026-11-14 (the evaluator reopened it).
    const [one] = await sys(w, (db) =>
      db
        .select()
        .from(w.schema.disclosures)
        .where(and(eq(w.schema.disclosures.schoolId, before.schoolId), eq(w.schema.disclosures.year, 2026), eq(w.schema.disclosures.quarter, 3), eq(w.schema.disclosures.itemCode, 'M01'))),
    );
    const form = await (await import('@/modules/disclosures/data/form')).disclosureForm(dc10, one.id);
    expect(form.block).toBeNull();
    const saved = await d.updateDisclosure(dc10, { id: one.id, version: one.version, values: { ...form.values, summary: `${form.values.summary}（已按评估意见补充支出明细）` } });
    expect(saved).toMatchObject({ ok: true });
    // …but a disclosure dated after the close date is refused (§3).
    const late = await d.updateDisclosure(dc10, { id: one.id, version: one.version + 1, values: { ...form.values, disclosedOn: '2026-11-20' } });
    expect(late).toMatchObject({ ok: false, fieldErrors: { disclosedOn: { key: 'coordValidation.date.afterClose', values: { date: '2026-11-14' } } } });
    const r = await rep.submitQuarterReport(dc10, { year: 2026, quarter: 3, version: before.version, confirmGaps: true });
    expect(r).toMatchObject({ ok: true, resubmitted: true });
    const after = (await reportOf(w, 'dc10', 2026, 3))!;
    expect(after.state).toBe('submitted');
    expect(after.submittedAt).toEqual(before.submittedAt);
    expect(onDemoDay(after.lastSubmittedAt)).toBe(true);
    expect(after.lastSubmittedAt!.getTime()).toBeGreaterThan(after.submittedAt!.getTime());
    const trail = await transitions(after.id);
    expect(trail.at(-1)).toMatchObject({ fromState: 'returned', toState: 'submitted', actorId: dc10.userId });
    expect((await disclosureRow(w, one.id))?.summary).toContain('已按评估意见补充支出明细');
  });
});

describe('events and "no such matter" (§3)', () => {
  it('declares an event, refuses a contradicting statement, and refuses deleting an event with disclosures', async () => {
    const dc16 = await scopeOf(w, 'dongcheng.dc16');
    const q4 = { year: 2026, quarter: 4 as const };
    expect(await events.declareEvent(dc16, { itemCode: 'P02', eventDate: '2026-11-18', title: '2026年教师公开招聘' })).toEqual({ ok: true, q: q4 });
    expect(await events.stateNoMatter(dc16, { itemCode: 'P02', year: 2026, quarter: 4, reason: '无' })).toEqual({ ok: false, fieldErrors: { reason: { key: 'coordValidation.eventsExist' } } });
    expect(await events.stateNoMatter(dc16, { itemCode: 'M05', year: 2026, quarter: 4, reason: '本季度未接受捐赠' })).toEqual({ ok: true, q: q4 });
    expect(await events.declareEvent(dc16, { itemCode: 'M05', eventDate: '2026-11-02', title: '捐赠' })).toMatchObject({
      ok: false,
      fieldErrors: { itemCode: { key: 'coordValidation.noMatterExists' } },
    });
    expect(await events.declareEvent(dc16, { itemCode: 'M01', eventDate: '2026-11-02', title: 'x' })).toEqual({ ok: false, fieldErrors: { itemCode: { key: 'coordValidation.itemNotEvent' } } });
    expect(await events.declareEvent(dc16, { itemCode: 'P02', eventDate: '2026-08-02', title: 'x' })).toMatchObject({
      ok: false,
      fieldErrors: { eventDate: { key: 'coordValidation.quarterLocked.submitted' } },
    });
    const view = await events.coordinatorEvents(dc16, q4);
    const p02 = view.items.find((i) => i.code === 'P02')!;
    const ev = p02.events.find((e) => e.title === '2026年教师公开招聘')!;
    expect(ev).toMatchObject({ eventDate: '2026-11-18', deadline: '2026-11-25', status: 'notYetDue', disclosures: 0 });
    expect(view.items.find((i) => i.code === 'M05')!.noMatter?.reason).toBe('本季度未接受捐赠');
    await d.createDisclosure(dc16, { id: randomUUID(), itemCode: 'P02', periodKey: ev.id, values: { disclosedOn: '2026-11-19', channels: ['noticeBoard'], audience: 'both', summary: '招聘公告' } });
    expect(await events.deleteEvent(dc16, ev.id)).toEqual({ ok: false, kind: 'hasDisclosures' });
    await expect(events.deleteEvent(await scopeOf(w, 'dongcheng.dc17'), ev.id)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('a statement can be withdrawn and stated again', async () => {
    const dc16 = await scopeOf(w, 'dongcheng.dc16');
    const view = await events.coordinatorEvents(dc16, { year: 2026, quarter: 4 });
    const id = view.items.find((i) => i.code === 'M05')!.noMatter!.id;
    await expect(events.withdrawNoMatter(await scopeOf(w, 'dongcheng.dc17'), id)).rejects.toMatchObject({ code: 'notFound' });
    await events.withdrawNoMatter(dc16, id);
    expect((await events.coordinatorEvents(dc16, { year: 2026, quarter: 4 })).items.find((i) => i.code === 'M05')!.noMatter).toBeNull();
    expect(await events.stateNoMatter(dc16, { itemCode: 'M05', year: 2026, quarter: 4, reason: '确无捐赠' })).toMatchObject({ ok: true });
    expect((await auditOf(w, id)).map((a) => a.action)).toEqual(['create', 'delete', 'update']);
  });
});

describe('findings and rectifications (§5)', () => {
  it('a response sets the finding to responded; after the due date it is accepted as late', async () => {
    const dc11 = await scopeOf(w, 'dongcheng.dc11');
    const list = await findings.schoolFindings(dc11);
    const open = list.find((f) => f.itemCode === 'B02' && f.year === 2026)!;
    expect(open).toMatchObject({ status: 'open', overdue: true });
    const r = await findings.respondToFinding(dc11, { findingId: open.id, rectificationId: open.form!.rectificationId, response: '已补办集体采购程序，并在公开栏公示。' });
    expect(r).toEqual({ late: true });
    const after = (await findings.schoolFindings(dc11)).find((f) => f.id === open.id)!;
    expect(after.status).toBe('responded');
    expect(after.responses).toEqual([expect.objectContaining({ id: open.form!.rectificationId, late: true })]);
  });

  it('another school cannot respond to a finding; nothing changes', async () => {
    const dc21 = await scopeOf(w, 'dongcheng.dc21');
    const victim = (await findings.schoolFindings(dc21)).find((f) => f.status === 'open')!;
    for (const attacker of ['dongcheng.dc04', 'xishan.xs04']) {
      await expect(findings.respondToFinding(await scopeOf(w, attacker), { findingId: victim.id, rectificationId: randomUUID(), response: '冒充整改' })).rejects.toMatchObject({ code: 'notFound' });
    }
    expect((await findings.schoolFindings(dc21)).find((f) => f.id === victim.id)).toMatchObject({ status: 'open', responses: [] });
  });
});

describe('history', () => {
  it('lists past quarters with state, figures and the score of approved reports', async () => {
    const dc01 = await scopeOf(w, 'dongcheng.dc01');
    const h = await history.coordinatorHistory(dc01);
    expect(h.years.map((y) => y.year)).toEqual([2026, 2025, 2024]);
    const y2025 = h.years[1];
    expect(y2025.quarters.map((q) => q.q.quarter)).toEqual([4, 3, 2, 1]);
    expect(y2025.quarters.every((q) => q.state === 'approved' && q.onTime === true && q.score !== null && q.score >= 95)).toBe(true);
    expect(y2025.reports).toMatchObject({ expected: 4, submitted: 4, onTime: 4, completeness: 100, onTimeRate: 100 });
    expect(y2025.figures.coverage).toBe(100);
    const now = h.years[0].quarters[0];
    expect(now).toMatchObject({ current: true, q: { year: 2026, quarter: 4 } });
    expect(h.years[0].reports.expected).toBe(3);
  });
});
