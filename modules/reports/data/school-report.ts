// Coordinator: the quarterly report (DESIGN §5) — a review of what is still missing before
// submission, the submission itself (first time kept, later ones in lastSubmittedAt, gaps recorded),
// and for a returned report the evaluator's reason, per-item comments and rejections.
import { and, asc, eq, sql } from 'drizzle-orm';
import { evaluations, quarterlyReports, reportItemComments, reportTransitions } from '@/db/schema';
import { coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { closeDate, isReportOnTime, reportDueDate } from '@/core/domain/periods';
import { mandatoryGaps, optionalGaps, type Gap } from '@/modules/reports/domain/report-gaps';
import { rubricTotal } from '@/modules/reports/domain/scores';
import type { LocalDate, ObligationStatus, QuarterRef, ReportState } from '@/core/domain/types';
import { checkTransition, submissionNotBefore } from '@/modules/reports/domain/workflow';
import { now } from '@/core/env';
import type { SubmitReportInput } from '@/modules/reports/validation/school-report';
import { audit } from '@/core/audit';
import { freezeChecklistOnFirstSubmit } from '@/modules/checklist/data/freeze';
import { inDistrict, thisQuarter, today } from '@/core/context';
import { ensureReport, entryState, ownSchool } from '@/modules/obligations/data/entry';
import { browsableQuarters, disclosureBriefs, eventsOfQuarter, noMatterOfQuarter } from '@/modules/obligations/data/school-queries';
import { quarterResults } from '@/modules/obligations/data/results';
import { transitionsOf } from './reports';
import type { Scope } from '@/core/scope';
import { loadSettings } from '@/modules/org/data/settings';

export interface GapRow extends Gap {
  name: string;
  deadline: string;
  status: ObligationStatus;
  event: { title: string; eventDate: string } | null;
}

export async function coordinatorReport(scope: Scope, q: QuarterRef) {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const entry = await entryState(tx, s, school.id, q);
    const { items, bySchool } = await quarterResults(tx, s.districtId, [school.id], q.year, q.quarter, entry.today);
    const results = bySchool.get(school.id) ?? [];
    const name = new Map(items.map((i) => [i.code, i.name]));
    const events = await eventsOfQuarter(tx, s.districtId, school.id, q);
    const eventOf = new Map(events.map((e) => [e.id, { title: e.title, eventDate: e.eventDate }]));
    const byKey = new Map(results.map((r) => [`${r.obligation.itemCode}|${r.obligation.periodKey}`, r]));
    const rows = (gaps: Gap[]): GapRow[] =>
      gaps.map((g) => {
        const r = byKey.get(`${g.itemCode}|${g.periodKey}`)!;
        return { ...g, name: name.get(g.itemCode) ?? g.itemCode, deadline: r.obligation.deadline, status: r.status, event: eventOf.get(g.periodKey) ?? null };
      });
    const statements = await noMatterOfQuarter(tx, s.districtId, school.id, q);
    const undeclared = items
      .filter((i) => i.frequency === 'event' && !events.some((e) => e.itemCode === i.code) && !statements.some((n) => n.itemCode === i.code))
      .map((i) => ({ code: i.code, name: i.name }));
    const briefs = await disclosureBriefs(tx, s.districtId, school.id, q);
    const report = entry.report;
    const comments = report
      ? await tx
          .select({ id: reportItemComments.id, itemCode: reportItemComments.itemCode, periodKey: reportItemComments.periodKey, comment: reportItemComments.comment, at: reportItemComments.createdAt })
          .from(reportItemComments)
          .where(and(eq(reportItemComments.districtId, s.districtId), eq(reportItemComments.reportId, report.id)))
          .orderBy(asc(reportItemComments.createdAt))
      : [];
    const transitions = report ? await transitionsOf(tx, report.id) : [];
    const lastReturn = [...transitions].reverse().find((t) => t.to === 'returned');
    const [evaluation] = report
      ? await tx
          .select()
          .from(evaluations)
          .where(and(eq(evaluations.districtId, s.districtId), eq(evaluations.reportId, report.id)))
      : [];
    const t = tally(results);
    // §3: submission opens the day after the quarter ends (earlier only when every obligation is met).
    const opensOn = submissionNotBefore(q, entry.today, results);
    return {
      school: { id: school.id, name: school.name },
      q,
      today: entry.today,
      quarters: await browsableQuarters(tx, s.districtId, thisQuarter()),
      report: report && {
        id: report.id,
        state: report.state,
        version: report.version,
        submittedAt: report.submittedAt,
        lastSubmittedAt: report.lastSubmittedAt,
        approvedAt: report.approvedAt,
        gapsAtSubmit: report.gapsAtSubmit,
      },
      block: entry.block,
      closesOn: closeDate(q, entry.closeDays),
      due: reportDueDate(q, entry.reportDueDays),
      onTime: report?.submittedAt ? isReportOnTime(report.submittedAt, q, entry.reportDueDays) : null,
      figures: { tally: t, coverage: coverage(t), timeliness: timeliness(t) },
      gaps: rows(mandatoryGaps(results)),
      optional: rows(optionalGaps(results)),
      undeclared,
      flagged: briefs.filter((b) => b.procurementFlag),
      rejected: briefs.filter((b) => b.rejection !== null),
      returnReason: report?.state === 'returned' ? (lastReturn?.reason ?? null) : null,
      comments: comments.map((c) => ({ ...c, name: name.get(c.itemCode) ?? c.itemCode, event: c.periodKey ? (eventOf.get(c.periodKey) ?? null) : null })),
      transitions,
      evaluation:
        report?.state === 'approved' && evaluation
          ? {
              total: rubricTotal(evaluation),
              rubric: { attention: evaluation.attention, content: evaluation.content, form: evaluation.form, procedure: evaluation.procedure, rules: evaluation.rules },
              comment: evaluation.comment,
            }
          : null,
      /** Null when the report may be submitted today, else the day submission opens (§3). */
      opensOn: checkTransition('submit', report?.state ?? 'draft', s.role).ok ? opensOn : null,
      canSubmit: checkTransition('submit', report?.state ?? 'draft', s.role).ok && opensOn === null,
    };
  });
}

export type SubmitResult =
  | { ok: true; onTime: boolean; resubmitted: boolean; gaps: number }
  | { ok: false; kind: 'needsConfirm'; gaps: number }
  | { ok: false; kind: 'conflict' }
  | { ok: false; kind: 'notYet'; opensOn: LocalDate }
  | { ok: false; kind: 'wrongState'; state: ReportState };

/**
 * Coordinator: submits (or resubmits) the quarter's report (§5) — from the day after the quarter
 * ends, earlier only when every obligation is met (§3). With mandatory obligations unmet
 * it needs the coordinator's confirmation; those gaps are recorded. The first submission time is
 * kept in submittedAt (report on time is judged on it, §4), later ones in lastSubmittedAt.
 */
export async function submitQuarterReport(scope: Scope, input: SubmitReportInput): Promise<SubmitResult> {
  const q = { year: input.year, quarter: input.quarter as QuarterRef['quarter'] };
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const report = await ensureReport(tx, s, school.id, q);
    // Version 0 = the page saw no report yet; only an untouched new draft matches it.
    const seen = input.version === 0 ? report.version === 1 && report.state === 'draft' && report.submittedAt === null : report.version === input.version;
    if (!seen) return { ok: false, kind: 'conflict' };
    const check = checkTransition('submit', report.state, s.role);
    if (!check.ok) return { ok: false, kind: 'wrongState', state: report.state };
    const day = today();
    const { bySchool } = await quarterResults(tx, s.districtId, [school.id], q.year, q.quarter, day);
    const opensOn = submissionNotBefore(q, day, bySchool.get(school.id) ?? []);
    if (opensOn) return { ok: false, kind: 'notYet', opensOn };
    const gaps = mandatoryGaps(bySchool.get(school.id) ?? []);
    if (gaps.length > 0 && !input.confirmGaps) return { ok: false, kind: 'needsConfirm', gaps: gaps.length };
    const at = now();
    const submittedAt = report.submittedAt ?? at;
    const [row] = await tx
      .update(quarterlyReports)
      .set({ state: check.to, submittedAt, lastSubmittedAt: at, gapsAtSubmit: gaps, version: sql`${quarterlyReports.version} + 1`, updatedAt: at })
      .where(and(eq(quarterlyReports.id, report.id), eq(quarterlyReports.districtId, s.districtId), eq(quarterlyReports.version, report.version)))
      .returning();
    if (!row) return { ok: false, kind: 'conflict' };
    await tx.insert(reportTransitions).values({ districtId: s.districtId, reportId: row.id, fromState: report.state, toState: check.to, actorId: s.userId, reason: null, at });
    // §2: the year's checklist (the versions in force for this quarter) freezes at its first submission.
    if (report.submittedAt === null) await freezeChecklistOnFirstSubmit(tx, s.districtId, q.year, at, q.quarter);
    const resubmitted = report.state === 'returned';
    await audit(tx, s, {
      entity: 'quarterly_report',
      entityId: row.id,
      action: resubmitted ? 'resubmit' : 'submit',
      before: { state: report.state, submittedAt: report.submittedAt, lastSubmittedAt: report.lastSubmittedAt, version: report.version },
      after: { state: row.state, submittedAt: row.submittedAt, lastSubmittedAt: row.lastSubmittedAt, gapsAtSubmit: gaps, version: row.version },
    });
    const settings = await loadSettings(tx, s.districtId, q.year);
    return { ok: true, onTime: isReportOnTime(submittedAt, q, settings.reportDueDays), resubmitted, gaps: gaps.length };
  });
}
