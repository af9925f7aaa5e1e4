// Review workflow on the seeded demo, against PGlite and PostgreSQL (SUNLIGHT_TEST_DB): reject a
// disclosure, comment, score (validation), return, approve, reopen — with scope, locking,
// optimistic versions, transitions and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { scopeOf, seededDemo, type SeededDemo } from '@/seed/testing';
import { scoreSchema, transitionSchema } from '@/modules/reports/validation/review';
import { fieldErrors } from '@/core/forms/field-errors';

let demo: SeededDemo;
let client: typeof import('@/db/client');
let schema: typeof import('@/db/schema');
let review: typeof import('./review');
let reportData: typeof import('./review-report');
let actions: typeof import('./review-actions');

async function reportOf(school: string, year: number, quarter: number) {
  const [r] = await client.withSystem((db) =>
    db
      .select({
        id: schema.quarterlyReports.id,
        state: schema.quarterlyReports.state,
        version: schema.quarterlyReports.version,
        districtId: schema.quarterlyReports.districtId,
        schoolId: schema.quarterlyReports.schoolId,
      })
      .from(schema.quarterlyReports)
      .innerJoin(schema.schools, eq(schema.schools.id, schema.quarterlyReports.schoolId))
      .where(and(eq(schema.schools.code, school), eq(schema.quarterlyReports.year, year), eq(schema.quarterlyReports.quarter, quarter))),
  );
  return r!;
}

async function auditCount(entityId: string, action: string) {
  const rows = await client.withSystem((db) =>
    db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, entityId), eq(schema.auditLog.action, action))),
  );
  return rows.length;
}

beforeAll(async () => {
  demo = await seededDemo();
  client = demo.client;
  schema = await import('@/db/schema');
  review = await import('./review');
  reportData = await import('./review-report');
  actions = await import('./review-actions');
});

afterAll(() => demo?.cleanup());

describe('review queue', () => {
  it('lists every school in scope with report figures that roll up by sums', async () => {
    const q = await review.reviewQueue(await scopeOf('dongcheng.eval'), { year: 2026, quarter: 3 });
    expect(q.rows.length).toBe(26);
    const sum = (k: 'expected' | 'submitted' | 'onTime') => q.byZone.reduce((a, g) => a + g.reports[k], 0);
    expect(q.totals.reports.expected).toBe(sum('expected'));
    expect(q.totals.reports.submitted).toBe(sum('submitted'));
    expect(q.totals.reports.onTime).toBe(sum('onTime'));
    expect(q.totals.reports.completeness).toBeCloseTo((q.totals.reports.submitted / q.totals.reports.expected) * 100, 2);
    // Q3 2026: reports in every state, overdue (draft after the due date) first.
    const states = new Set(q.rows.map((r) => r.state));
    for (const st of ['draft', 'submitted', 'returned', 'approved']) expect(states.has(st as never)).toBe(true);
    const firstNotOverdue = q.rows.findIndex((r) => !r.overdue);
    expect(q.rows.slice(firstNotOverdue).some((r) => r.overdue)).toBe(false);
    expect(q.rows[0]!.overdue).toBe(true);
    const filtered = await review.reviewQueue(await scopeOf('dongcheng.eval'), { year: 2026, quarter: 3 }, { state: 'submitted' });
    expect(filtered.rows.every((r) => r.state === 'submitted')).toBe(true);
    expect(filtered.totals.reports.expected).toBe(26); // figures stay those of the whole selection
  });

  it('a zone evaluator sees only the zone; filters by type narrow the figures', async () => {
    const z = await review.reviewQueue(await scopeOf('dongcheng.eval.z1'), { year: 2026, quarter: 3 });
    expect(z.rows.length).toBe(8);
    expect(z.byZone).toHaveLength(1);
    const primary = await review.reviewQueue(await scopeOf('dongcheng.eval'), { year: 2026, quarter: 3 }, { type: 'primary' });
    expect(primary.rows.every((r) => r.type === 'primary')).toBe(true);
    expect(primary.totals.reports.expected).toBe(primary.rows.length);
  });
});

describe('review workflow on a submitted report', () => {
  it('rejects one disclosure, which un-meets its obligation; the coordinator sees why', async () => {
    const queue = await review.reviewQueue(await scopeOf('dongcheng.eval'), { year: 2026, quarter: 3 }, { state: 'submitted' });
    const target = queue.rows.find((r) => r.zone !== '城东片区') ?? queue.rows[0]!;
    const evaluator = await scopeOf('dongcheng.eval');
    const before = await reportData.reportReview(evaluator, target.reportId!);
    const ob = before.obligations.find((o) => o.result.met && o.disclosures.length === 1)!;
    expect(ob).toBeDefined();
    const d = ob.disclosures[0]!;

    await expect(actions.rejectDisclosure(await scopeOf('dongcheng.leader'), { disclosureId: d.id, reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(actions.rejectDisclosure(await scopeOf('xishan.eval'), { disclosureId: d.id, reason: 'x' })).rejects.toMatchObject({ code: 'notFound' });
    const rejectionId = await actions.rejectDisclosure(evaluator, { disclosureId: d.id, reason: '公开内容不完整，缺少支出明细' });
    await expect(actions.rejectDisclosure(evaluator, { disclosureId: d.id, reason: 'again' })).rejects.toMatchObject({ code: 'conflict', message: 'alreadyRejected' });
    expect(await auditCount(d.id, 'reject')).toBe(1);

    const after = await reportData.reportReview(evaluator, target.reportId!);
    const same = after.obligations.find((o) => o.result.obligation.itemCode === ob.result.obligation.itemCode && o.result.obligation.periodKey === ob.result.obligation.periodKey)!;
    expect(same.result.met).toBe(false);
    expect(same.result.status).toBe('rejected');
    expect(after.figures.tally.met).toBe(before.figures.tally.met - 1);

    const coordinator = await scopeOf(`dongcheng.${target.code}`);
    const seen = await reportData.reportReview(coordinator, target.reportId!);
    const mine = seen.obligations.find((o) => o.disclosures.some((x) => x.id === d.id))!;
    expect(mine.disclosures[0]!.rejection?.reason).toBe('公开内容不完整，缺少支出明细');
    expect(seen.canAct).toBe(false);

    // Withdrawing restores the obligation; reject again for the rest of the journey.
    await actions.withdrawRejection(evaluator, rejectionId);
    const restored = await reportData.reportReview(evaluator, target.reportId!);
    expect(restored.figures.tally.met).toBe(before.figures.tally.met);
    await actions.rejectDisclosure(evaluator, { disclosureId: d.id, reason: '公开内容不完整，缺少支出明细' });
  });

  it('validates scores (0–20, whole points) and needs a score before approval', async () => {
    const bad = scoreSchema.safeParse({ reportId: '00000000-0000-4000-8000-000000000000', attention: '21', content: '', form: '2.5', procedure: '-1', rules: 'abc' });
    expect(bad.success).toBe(false);
    const e = fieldErrors(bad.error!);
    expect(e.attention).toEqual({ key: 'validation.max', values: { max: 20 } });
    expect(e.content).toEqual({ key: 'validation.required' });
    expect(e.form).toEqual({ key: 'validation.integer' });
    expect(e.procedure).toEqual({ key: 'validation.min', values: { min: 0 } });
    expect(e.rules).toEqual({ key: 'validation.number' });
    const noReason = transitionSchema.safeParse({ reportId: '00000000-0000-4000-8000-000000000000', action: 'return', reason: ' ', version: '3' });
    expect(fieldErrors(noReason.error!).reason).toEqual({ key: 'validation.required' });

    const evaluator = await scopeOf('dongcheng.eval');
    const queue = await review.reviewQueue(evaluator, { year: 2026, quarter: 3 }, { state: 'submitted' });
    const target = queue.rows[queue.rows.length - 1]!;
    const r = await reportOf(target.code, 2026, 3);
    await expect(actions.transitionReport(evaluator, { reportId: r.id, action: 'approve', reason: '', version: r.version })).rejects.toMatchObject({ message: 'scoreRequired' });
    await actions.saveEvaluation(evaluator, { reportId: r.id, attention: 18, content: 17, form: 19, procedure: 16, rules: 20, comment: '' });
    await actions.saveEvaluation(evaluator, { reportId: r.id, attention: 18, content: 17, form: 19, procedure: 16, rules: 18, comment: '复核后调整' });
    const view = await reportData.reportReview(evaluator, r.id);
    expect(view.evaluation?.total).toBe(88);
    expect(await auditCount(r.id, 'update')).toBe(1);
  });

  it('returns with a reason, then (after resubmission) approves, locks, and reopens with a reason', async () => {
    const evaluator = await scopeOf('dongcheng.eval');
    const queue = await review.reviewQueue(evaluator, { year: 2026, quarter: 3 }, { state: 'submitted' });
    const target = queue.rows[0]!;
    let r = await reportOf(target.code, 2026, 3);
    await expect(actions.transitionReport(await scopeOf('dongcheng.leader'), { reportId: r.id, action: 'return', reason: 'x', version: r.version })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(actions.transitionReport(evaluator, { reportId: r.id, action: 'return', reason: 'x', version: r.version - 1 })).rejects.toMatchObject({ message: 'stale' });
    await expect(actions.transitionReport(evaluator, { reportId: r.id, action: 'reopen', reason: 'x', version: r.version })).rejects.toMatchObject({ message: 'wrongState' });
    await actions.addItemComment(evaluator, { reportId: r.id, itemCode: 'M01', periodKey: '2026-07', comment: '请补充7月支出明细' });
    await actions.transitionReport(evaluator, { reportId: r.id, action: 'return', reason: '请按意见补充公开内容', version: r.version });
    r = await reportOf(target.code, 2026, 3);
    expect(r.state).toBe('returned');

    // The coordinator resubmits (their side is another feature; here a fixture update, with the
    // fact store updated in the same transaction as every write of the app does).
    const { refreshReport } = await import('@/modules/facts/data/refresh');
    await client.withDistrict('*', async (tx) => {
      await tx
        .update(schema.quarterlyReports)
        .set({ state: 'submitted', version: sql`${schema.quarterlyReports.version} + 1` })
        .where(eq(schema.quarterlyReports.id, r.id));
      await refreshReport(tx, r.districtId, r.schoolId, 2026, 3);
    });
    r = await reportOf(target.code, 2026, 3);
    await actions.saveEvaluation(evaluator, { reportId: r.id, attention: 19, content: 18, form: 18, procedure: 18, rules: 19, comment: '' });
    await actions.transitionReport(evaluator, { reportId: r.id, action: 'approve', reason: '', version: r.version });
    r = await reportOf(target.code, 2026, 3);
    expect(r.state).toBe('approved');

    // Approval locks: no more rejections, comments or scores.
    const view = await reportData.reportReview(evaluator, r.id);
    const anyDisclosure = view.obligations.flatMap((o) => o.disclosures).find((d) => !d.rejection)!;
    await expect(actions.rejectDisclosure(evaluator, { disclosureId: anyDisclosure.id, reason: 'x' })).rejects.toMatchObject({ message: 'locked' });
    await expect(actions.addItemComment(evaluator, { reportId: r.id, itemCode: 'M01', periodKey: null, comment: 'x' })).rejects.toMatchObject({ message: 'locked' });
    await expect(actions.saveEvaluation(evaluator, { reportId: r.id, attention: 1, content: 1, form: 1, procedure: 1, rules: 1, comment: '' })).rejects.toMatchObject({ message: 'locked' });
    await expect(actions.transitionReport(evaluator, { reportId: r.id, action: 'reopen', reason: ' ', version: r.version })).rejects.toMatchObject({ message: 'reasonRequired' });

    await actions.transitionReport(evaluator, { reportId: r.id, action: 'reopen', reason: '发现采购公开材料有误，需更正', version: r.version });
    r = await reportOf(target.code, 2026, 3);
    expect(r.state).toBe('returned');
    const history = (await reportData.reportReview(evaluator, r.id)).transitions.map((t) => [t.from, t.to]);
    // The fixture's resubmission wrote no transition row: return → approve → reopen.
    expect(history.slice(-3)).toEqual([
      ['submitted', 'returned'],
      ['submitted', 'approved'],
      ['approved', 'reopened'],
    ]);
    expect(history.at(-1)).toEqual(['approved', 'reopened']);
    expect(history.at(-2)).toEqual(['submitted', 'approved']);
    for (const a of ['return', 'approve', 'reopen']) expect(await auditCount(r.id, a)).toBe(1);
  });

  it('a zone evaluator cannot review a report outside the zone; the district evaluator can', async () => {
    const outside = await reportOf('dc20', 2026, 3);
    await expect(reportData.reportReview(await scopeOf('dongcheng.eval.z1'), outside.id)).rejects.toMatchObject({ code: 'notFound' });
    await expect(actions.addItemComment(await scopeOf('dongcheng.eval.z1'), { reportId: outside.id, itemCode: 'M01', periodKey: null, comment: 'x' })).rejects.toMatchObject({ code: 'notFound' });
    expect((await reportData.reportReview(await scopeOf('dongcheng.eval'), outside.id)).school.code).toBe('dc20');
  });

  it('challenges a "no such matter" statement; the coordinator sees the note', async () => {
    const evaluator = await scopeOf('dongcheng.eval');
    const [st] = await client.withSystem((db) =>
      db
        .select({ id: schema.noMatterStatements.id, school: schema.schools.code, quarter: schema.noMatterStatements.quarter })
        .from(schema.noMatterStatements)
        .innerJoin(schema.schools, eq(schema.schools.id, schema.noMatterStatements.schoolId))
        .innerJoin(schema.districts, eq(schema.districts.id, schema.schools.districtId))
        .where(and(eq(schema.districts.code, 'dongcheng'), eq(schema.noMatterStatements.year, 2026), sql`${schema.noMatterStatements.challengedAt} is null`))
        .limit(1),
    );
    expect(st).toBeDefined();
    const r = await reportOf(st!.school, 2026, st!.quarter);
    const view = await reportData.reportReview(evaluator, r.id);
    expect(view.noMatter.some((n) => n.id === st!.id && n.challenge === null)).toBe(true);
    await actions.challengeNoMatter(evaluator, { statementId: st!.id, note: '请核实是否确无此事项' });
    const seen = await reportData.reportReview(await scopeOf(`dongcheng.${st!.school}`), r.id);
    expect(seen.noMatter.find((n) => n.id === st!.id)?.challenge?.note).toBe('请核实是否确无此事项');
    await expect(actions.challengeNoMatter(await scopeOf('xishan.eval'), { statementId: st!.id, note: 'x' })).rejects.toMatchObject({ code: 'notFound' });
  });
});
