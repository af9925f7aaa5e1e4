// The evaluator's writes on a quarterly report (DESIGN §4, §5): reject a disclosure (un-meets
// its obligation), comment per item, score the rubric, return / approve / reopen, challenge a
// "no such matter" statement. Evaluators only, within their district and zones; approval locks
// the report; every change is audited in the same transaction.
import { now } from '@/core/env';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { disclosureRejections, disclosures, evaluations, noMatterStatements, quarterlyReports, reportItemComments, reportTransitions, schools } from '@/db/schema';
import { checkTransition } from '@/modules/reports/domain/workflow';
import type { ScoreInput, TransitionInput } from '@/modules/reports/validation/review';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import { reportInScope } from './reports';
import { coversSchool, type DistrictScope, type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';
import { refreshObligations, refreshReport } from '@/modules/facts/data/refresh';
import type { Quarter } from '@/core/domain/types';

const EVALUATOR = ['evaluator'] as const;

/**
 * The report a disclosure belongs to must not be approved: approval locks it (§5). The report row
 * stays locked (FOR UPDATE) until the transaction ends, so an approval cannot slip in between this
 * check and the change, and two evaluators' changes of the same report run one after the other.
 */
async function assertReportOpen(tx: Tx, s: DistrictScope, schoolId: string, year: number, quarter: number): Promise<void> {
  const [r] = await tx
    .select({ state: quarterlyReports.state })
    .from(quarterlyReports)
    .where(and(eq(quarterlyReports.districtId, s.districtId), eq(quarterlyReports.schoolId, schoolId), eq(quarterlyReports.year, year), eq(quarterlyReports.quarter, quarter)))
    .for('update');
  if (r?.state === 'approved') throw new AppError('conflict', 'locked');
}

async function disclosureInScope(tx: Tx, s: DistrictScope, disclosureId: string) {
  if (!isUuid(disclosureId)) notFound();
  const [row] = await tx
    .select({ d: disclosures, school: schools })
    .from(disclosures)
    .innerJoin(schools, eq(schools.id, disclosures.schoolId))
    .where(and(eq(disclosures.id, disclosureId), eq(disclosures.districtId, s.districtId), isNull(disclosures.deletedAt)));
  if (!row || !coversSchool(s, row.school)) notFound();
  return row;
}

export async function rejectDisclosure(scope: Scope, input: { disclosureId: string; reason: string }): Promise<string> {
  return inDistrict(scope, EVALUATOR, async (tx, s) => {
    const { d } = await disclosureInScope(tx, s, input.disclosureId);
    await assertReportOpen(tx, s, d.schoolId, d.year, d.quarter);
    const [active] = await tx
      .select({ id: disclosureRejections.id })
      .from(disclosureRejections)
      .where(and(eq(disclosureRejections.disclosureId, d.id), isNull(disclosureRejections.withdrawnAt)));
    if (active) throw new AppError('conflict', 'alreadyRejected');
    const [row] = await tx.insert(disclosureRejections).values({ districtId: s.districtId, disclosureId: d.id, reason: input.reason, rejectedBy: s.userId }).returning({ id: disclosureRejections.id });
    await refreshObligations(tx, s.districtId, d.schoolId, d.year);
    await audit(tx, s, { entity: 'disclosure', entityId: d.id, action: 'reject', before: null, after: { rejectionId: row!.id, reason: input.reason, itemCode: d.itemCode, periodKey: d.periodKey } });
    return row!.id;
  });
}

export async function withdrawRejection(scope: Scope, rejectionId: string): Promise<void> {
  await inDistrict(scope, EVALUATOR, async (tx, s) => {
    if (!isUuid(rejectionId)) notFound();
    const [rej] = await tx
      .select()
      .from(disclosureRejections)
      .where(and(eq(disclosureRejections.id, rejectionId), eq(disclosureRejections.districtId, s.districtId), isNull(disclosureRejections.withdrawnAt)));
    if (!rej) notFound();
    const { d } = await disclosureInScope(tx, s, rej.disclosureId);
    await assertReportOpen(tx, s, d.schoolId, d.year, d.quarter);
    // Conditional: of concurrent withdrawals of one rejection exactly one takes effect.
    const [done] = await tx
      .update(disclosureRejections)
      .set({ withdrawnAt: now(), withdrawnBy: s.userId })
      .where(and(eq(disclosureRejections.id, rej.id), isNull(disclosureRejections.withdrawnAt)))
      .returning({ id: disclosureRejections.id });
    if (!done) notFound();
    await refreshObligations(tx, s.districtId, d.schoolId, d.year);
    // After the school changed it (已修改待复核), withdrawing is accepting that change (issue 14).
    await audit(tx, s, {
      entity: 'disclosure',
      entityId: d.id,
      action: 'withdrawRejection',
      before: { rejectionId: rej.id, reason: rej.reason },
      after: rej.revisedAt ? { acceptedRevision: rej.revisedAt.toISOString() } : null,
    });
  });
}

export async function addItemComment(scope: Scope, input: { reportId: string; itemCode: string; periodKey: string | null; comment: string }): Promise<string> {
  return inDistrict(scope, EVALUATOR, async (tx, s) => {
    const { report } = await reportInScope(tx, s, input.reportId, true);
    if (report.state === 'approved') throw new AppError('conflict', 'locked');
    const [row] = await tx
      .insert(reportItemComments)
      .values({ districtId: s.districtId, reportId: report.id, itemCode: input.itemCode, periodKey: input.periodKey, comment: input.comment, authorId: s.userId })
      .returning({ id: reportItemComments.id });
    await audit(tx, s, { entity: 'report_item_comment', entityId: row!.id, action: 'create', after: { ...input, reportId: report.id } });
    return row!.id;
  });
}

/** §4 score of a report under review (submitted or returned); an approved report is locked. */
export async function saveEvaluation(scope: Scope, input: ScoreInput): Promise<void> {
  await inDistrict(scope, EVALUATOR, async (tx, s) => {
    // Locked: concurrent saves run one after the other (the audit's "before" is the real one) and
    // an approval cannot slip in between the state check and the save.
    const { report } = await reportInScope(tx, s, input.reportId, true);
    if (report.state === 'approved') throw new AppError('conflict', 'locked');
    if (report.state === 'draft') throw new AppError('conflict', 'wrongState');
    const values = { attention: input.attention, content: input.content, form: input.form, procedure: input.procedure, rules: input.rules, comment: input.comment };
    const [before] = await tx
      .select()
      .from(evaluations)
      .where(and(eq(evaluations.districtId, s.districtId), eq(evaluations.reportId, report.id)));
    await tx
      .insert(evaluations)
      .values({ districtId: s.districtId, reportId: report.id, evaluatorId: s.userId, ...values })
      .onConflictDoUpdate({ target: evaluations.reportId, set: { ...values, evaluatorId: s.userId, updatedAt: now() } });
    await refreshReport(tx, s.districtId, report.schoolId, report.year, report.quarter as Quarter);
    await audit(tx, s, { entity: 'evaluation', entityId: report.id, action: before ? 'update' : 'create', before: before ?? null, after: values });
  });
}

/**
 * §5 return / approve / reopen through the workflow rules (checkTransition). The form's version
 * guards against two evaluators acting on the same report at once (409). Decision: approval
 * needs a saved score, so every approved report has its §4 evaluator score.
 */
export async function transitionReport(scope: Scope, input: TransitionInput): Promise<void> {
  await inDistrict(scope, EVALUATOR, async (tx, s) => {
    const { report } = await reportInScope(tx, s, input.reportId);
    if (report.version !== input.version) throw new AppError('conflict', 'stale');
    const check = checkTransition(input.action, report.state, s.role, input.reason);
    if (!check.ok) throw new AppError(check.reason === 'wrongRole' ? 'forbidden' : 'conflict', check.reason);
    if (input.action === 'approve') {
      const [ev] = await tx
        .select({ id: evaluations.id })
        .from(evaluations)
        .where(and(eq(evaluations.districtId, s.districtId), eq(evaluations.reportId, report.id)));
      if (!ev) throw new AppError('conflict', 'scoreRequired');
    }
    const at = now();
    const approving = input.action === 'approve';
    const updated = await tx
      .update(quarterlyReports)
      .set({ state: check.to, version: report.version + 1, updatedAt: at, approvedAt: approving ? at : null, approvedBy: approving ? s.userId : null })
      .where(and(eq(quarterlyReports.id, report.id), eq(quarterlyReports.version, report.version)))
      .returning({ id: quarterlyReports.id });
    if (updated.length === 0) throw new AppError('conflict', 'stale');
    await refreshReport(tx, s.districtId, report.schoolId, report.year, report.quarter as Quarter);
    const reason = input.reason || null;
    await tx.insert(reportTransitions).values({
      districtId: s.districtId,
      reportId: report.id,
      fromState: report.state,
      // The history shows a reopening as such; the report itself goes back to `returned`.
      toState: input.action === 'reopen' ? 'reopened' : check.to,
      actorId: s.userId,
      reason,
      at: at,
    });
    await audit(tx, s, {
      entity: 'quarterly_report',
      entityId: report.id,
      action: input.action,
      before: { state: report.state, version: report.version },
      after: { state: check.to, version: report.version + 1, reason },
    });
  });
}

/** An evaluator challenges a "no such matter" statement (§3); the school sees the note. */
export async function challengeNoMatter(scope: Scope, input: { statementId: string; note: string }): Promise<void> {
  await inDistrict(scope, EVALUATOR, async (tx, s) => {
    if (!isUuid(input.statementId)) notFound();
    const [row] = await tx
      .select({ st: noMatterStatements, school: schools })
      .from(noMatterStatements)
      .innerJoin(schools, eq(schools.id, noMatterStatements.schoolId))
      .where(and(eq(noMatterStatements.id, input.statementId), eq(noMatterStatements.districtId, s.districtId), isNull(noMatterStatements.deletedAt)))
      // Locked: concurrent challenges run one after the other, so each audit "before" is real.
      .for('update', { of: noMatterStatements });
    if (!row || !coversSchool(s, row.school)) notFound();
    const at = now();
    await tx.update(noMatterStatements).set({ challengedAt: at, challengedBy: s.userId, challengeNote: input.note }).where(eq(noMatterStatements.id, row.st.id));
    await audit(tx, s, {
      entity: 'no_matter_statement',
      entityId: row.st.id,
      action: 'challenge',
      before: { challengedAt: row.st.challengedAt, challengeNote: row.st.challengeNote },
      after: { challengedAt: at, challengeNote: input.note },
    });
  });
}
