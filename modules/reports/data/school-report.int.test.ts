// The quarterly report, events, findings and history of a school on the seeded demo (today
// 2026-11-23), against PGlite and PostgreSQL: submit on time / late with gaps recorded, resubmit
// after a return (first submission kept), locked after submit, version conflicts, event rules,
// rectifications (victim and attacker), history figures.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditOf, disclosureRow, reportOf, scopeOf, seededWorld, sys, type World } from './coordinator.int.testutil';
import { atClock, DEMO_NOW } from '@/seed/testing';

let w: World;
let rep: typeof import('./school-report');
let d: typeof import('@/modules/disclosures/data/disclosures');
let events: typeof import('@/modules/obligations/data/events');
let findings: typeof import('./findings-school');
let history: typeof import('./history');
let actions: typeof import('./review-actions');
let reviewReport: typeof import('./review-report');

beforeAll(async () => {
  w = await seededWorld();
  rep = await import('./school-report');
  d = await import('@/modules/disclosures/data/disclosures');
  events = await import('@/modules/obligations/data/events');
  findings = await import('./findings-school');
  history = await import('./history');
  actions = await import('./review-actions');
  reviewReport = await import('./review-report');
});
afterAll(async () => w?.cleanup());

async function transitions(reportId: string) {
  return sys(w, (db) => db.select().from(w.schema.reportTransitions).where(eq(w.schema.reportTransitions.reportId, reportId)));
}

/** The Asia/Shanghai day of an instant. */
function localDay(d: Date | null): string | null {
  return d === null ? null : new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);
}

const atTime = <T>(when: string, fn: () => Promise<T>) => atClock(when, fn, DEMO_NOW);

describe('submit the quarterly report (§5)', () => {
  it('§3 issue 14: a quarter cannot be submitted before it ends while obligations are unmet; the page says from which day', async () => {
    const dc12 = await scopeOf(w, 'dongcheng.dc12');
    const review = await rep.coordinatorReport(dc12, { year: 2026, quarter: 4 });
    expect(review).toMatchObject({ canSubmit: false, opensOn: '2027-01-01' });
    const version = review.report?.version ?? 0;
    expect(await rep.submitQuarterReport(dc12, { year: 2026, quarter: 4, version, confirmGaps: true })).toEqual({ ok: false, kind: 'notYet', opensOn: '2027-01-01' });
    expect((await reportOf(w, 'dc12', 2026, 4))?.state ?? 'draft').toBe('draft');
  });

  it('on time: from the day after the quarter ends, asks for confirmation while mandatory obligations are unmet, then records the gaps', async () => {
    await atTime('2027-01-05T10:00:00+08:00', async () => {
      const dc12 = await scopeOf(w, 'dongcheng.dc12');
      const review = await rep.coordinatorReport(dc12, { year: 2026, quarter: 4 });
      expect(review).toMatchObject({ canSubmit: true, opensOn: null });
      expect(review.gaps.length).toBeGreaterThan(0);
      const version = review.report?.version ?? 0;
      expect(await rep.submitQuarterReport(dc12, { year: 2026, quarter: 4, version, confirmGaps: false })).toEqual({ ok: false, kind: 'needsConfirm', gaps: review.gaps.length });
      expect((await reportOf(w, 'dc12', 2026, 4))?.state).toBe('draft');
      const r = await rep.submitQuarterReport(dc12, { year: 2026, quarter: 4, version, confirmGaps: true });
      expect(r).toEqual({ ok: true, onTime: true, resubmitted: false, gaps: review.gaps.length });
      const row = (await reportOf(w, 'dc12', 2026, 4))!;
      // Stamped by the app's clock (SUNLIGHT_NOW, then running): that day, first = last submission.
      expect(row.state).toBe('submitted');
      expect(localDay(row.submittedAt)).toBe('2027-01-05');
      expect(row.lastSubmittedAt).toEqual(row.submittedAt);
      expect(row.gapsAtSubmit).toEqual(review.gaps.map((g) => ({ itemCode: g.itemCode, periodKey: g.periodKey })));
      expect((await transitions(row.id)).map((t) => [t.fromState, t.toState, t.actorId])).toEqual([['draft', 'submitted', dc12.userId]]);
      expect((await auditOf(w, row.id)).map((a) => a.action)).toContain('submit');
    });
  });

  it('late: a Q3 draft submitted after its due date (2026-10-15) is marked late', async () => {
    const dc15 = await scopeOf(w, 'dongcheng.dc15');
    const before = await reportOf(w, 'dc15', 2026, 3);
    expect(before?.state).toBe('draft');
    const r = await rep.submitQuarterReport(dc15, { year: 2026, quarter: 3, version: before!.version, confirmGaps: true });
    expect(r).toMatchObject({ ok: true, onTime: false });
    expect((await rep.coordinatorReport(dc15, { year: 2026, quarter: 3 })).onTime).toBe(false);
  });

  it('a submitted report is locked: no second submission, no edits of what was reviewed', async () => {
    await atTime('2027-01-06T10:00:00+08:00', async () => {
      const dc12 = await scopeOf(w, 'dongcheng.dc12');
      const row = (await reportOf(w, 'dc12', 2026, 4))!;
      expect(await rep.submitQuarterReport(dc12, { year: 2026, quarter: 4, version: row.version, confirmGaps: true })).toEqual({ ok: false, kind: 'wrongState', state: 'submitted' });
      const view = await rep.coordinatorReport(dc12, { year: 2026, quarter: 4 });
      expect(view).toMatchObject({ canSubmit: false, block: 'submitted' });
      // October's canteen accounts were due on 10 November: locked.
      await expect(d.createDisclosure(dc12, { id: randomUUID(), itemCode: 'M03', periodKey: '2026-10', values: {} })).rejects.toMatchObject({ block: 'submitted' });
    });
  });

  it('§3 issue 14: an approved quarter locks what was reviewed, but an obligation not yet due can still be disclosed — flagged to the evaluator', async () => {
    await atTime('2027-01-05T10:00:00+08:00', async () => {
      const dc18 = await scopeOf(w, 'dongcheng.dc18');
      const ev = await scopeOf(w, 'dongcheng.eval');
      const draft = await rep.coordinatorReport(dc18, { year: 2026, quarter: 4 });
      expect(await rep.submitQuarterReport(dc18, { year: 2026, quarter: 4, version: draft.report?.version ?? 0, confirmGaps: true })).toMatchObject({ ok: true });
      const submitted = (await reportOf(w, 'dc18', 2026, 4))!;
      await actions.saveEvaluation(ev, { reportId: submitted.id, attention: 18, content: 18, form: 18, procedure: 18, rules: 18, comment: '' });
      await actions.transitionReport(ev, { reportId: submitted.id, action: 'approve', reason: '', version: (await reportOf(w, 'dc18', 2026, 4))!.version });
      expect((await reportOf(w, 'dc18', 2026, 4))?.state).toBe('approved');
    });
    await atTime('2027-01-08T10:00:00+08:00', async () => {
      const dc18 = await scopeOf(w, 'dongcheng.dc18');
      const ev = await scopeOf(w, 'dongcheng.eval');
      // December's financial accounts (M01) are due on 10 January: still open, flagged as added after approval.
      const values = {
        disclosedOn: '2027-01-08',
        channels: ['noticeBoard'],
        audience: 'internal',
        summary: '2026年12月学校财务收支情况。',
        plannedOn: '',
        procurementAmount: '',
        procurementMethod: '',
      };
      const id = randomUUID();
      const m01 = await d.createDisclosure(dc18, { id, itemCode: 'M01', periodKey: '2026-12', values });
      expect(m01).toMatchObject({ ok: true });
      // October's accounts (due 10 November) were reviewed: locked.
      await expect(d.createDisclosure(dc18, { id: randomUUID(), itemCode: 'M01', periodKey: '2026-10', values: { ...values, disclosedOn: '2027-01-08' } })).rejects.toMatchObject({
        block: 'approved',
      });
      // The one added after approval can be corrected while its deadline lies ahead.
      expect(await d.updateDisclosure(dc18, { id, version: 1, values: { ...values, summary: '2026年12月学校财务收支情况（更正）。' } })).toMatchObject({ ok: true });
      const report = (await reportOf(w, 'dc18', 2026, 4))!;
      const review = await reviewReport.reportReview(ev, report.id);
      const card = review.obligations.find((o) => o.result.obligation.itemCode === 'M01' && o.result.obligation.periodKey === '2026-12')!;
      expect(card.disclosures.find((x) => x.id === id)?.flags).toContain('afterApproval');
      expect(review.flagCounts.afterLock).toBeGreaterThanOrEqual(1);
      // Disclosures the evaluator reviewed carry no such flag.
      expect(review.obligations.filter((o) => o.result.obligation.periodKey === '2026-10').flatMap((o) => o.disclosures.flatMap((x) => x.flags))).not.toContain('afterApproval');
    });
    await atTime('2027-01-11T10:00:00+08:00', async () => {
      const dc18 = await scopeOf(w, 'dongcheng.dc18');
      // Past its deadline the late addition is locked like the rest.
      const [added] = await sys(w, (db) =>
        db
          .select()
          .from(w.schema.disclosures)
          .where(and(eq(w.schema.disclosures.itemCode, 'M01'), eq(w.schema.disclosures.periodKey, '2026-12'), eq(w.schema.disclosures.schoolId, dc18.schoolId!))),
      );
      await expect(d.deleteDisclosure(dc18, { id: added!.id, version: added!.version })).rejects.toMatchObject({ block: 'approved' });
    });
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
    expect(localDay(after.lastSubmittedAt)).toBe('2026-11-23');
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
