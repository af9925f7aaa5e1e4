// The evaluator's work queue across quarters (issue 14, DESIGN §5, §8 "evaluators see overdue
// reports"): what is waiting for them or for a school, each with the day it started waiting, oldest
// first. Pure: the data layer gathers the facts, this decides which section each belongs to.
import { diffDays, localDateOf } from '@/core/domain/dates';
import type { LocalDate, ReportState } from '@/core/domain/types';

/**
 * Sections in the order the page shows them: the evaluator's own work first, then what waits for
 * the schools.
 * - review: a submitted report waits for review;
 * - revised: a rejected disclosure was changed by the school (已修改待复核);
 * - rectification: a school answered a finding (整改回复待审阅);
 * - overdueReport: a report not submitted after its due date;
 * - overdueFinding: a finding with no answer after its due date;
 * - returned: a returned report waits for the school;
 * - awaitingRectification: a finding waits for the school's answer, not yet due.
 */
export const WORK_KINDS = ['review', 'revised', 'rectification', 'overdueReport', 'overdueFinding', 'returned', 'awaitingRectification'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** Kinds that wait on the evaluator (the rest wait on a school, and may be 催办-ed when overdue). */
export const EVALUATOR_KINDS: readonly WorkKind[] = ['review', 'revised', 'rectification'];
export const OVERDUE_KINDS: readonly WorkKind[] = ['overdueReport', 'overdueFinding'];

export interface ReportWorkFact {
  state: ReportState | 'none';
  /** Latest submission (a resubmitted report waits from its resubmission). */
  lastSubmittedAt: Date | null;
  /** When it was last returned to the school. */
  returnedAt: Date | null;
  dueOn: LocalDate;
}

export interface FindingWorkFact {
  status: 'open' | 'responded' | 'closed';
  dueOn: LocalDate;
  raisedAt: Date;
  /** The school's latest response. */
  respondedAt: Date | null;
  /** Reopened (after closing, or sent back as 整改不到位): the school must answer again from then. */
  reopenedAt: Date | null;
}

export interface Waiting {
  kind: WorkKind;
  /** The day the wait began (for overdue items: the due date). */
  since: LocalDate;
}

export function reportWork(f: ReportWorkFact, today: LocalDate): Waiting | null {
  if (f.state === 'submitted' && f.lastSubmittedAt) return { kind: 'review', since: localDateOf(f.lastSubmittedAt) };
  if (f.state === 'returned') {
    const at = f.returnedAt ?? f.lastSubmittedAt;
    return { kind: 'returned', since: at ? localDateOf(at) : today };
  }
  // §8: not submitted after the due date (the report is due at 23:59:59 of that day).
  if ((f.state === 'none' || f.state === 'draft') && today > f.dueOn) return { kind: 'overdueReport', since: f.dueOn };
  return null;
}

export function findingWork(f: FindingWorkFact, today: LocalDate): Waiting | null {
  if (f.status === 'closed') return null;
  if (f.status === 'responded') return { kind: 'rectification', since: localDateOf(f.respondedAt ?? f.raisedAt) };
  if (today > f.dueOn) return { kind: 'overdueFinding', since: f.dueOn };
  const from = f.reopenedAt && f.reopenedAt > f.raisedAt ? f.reopenedAt : f.raisedAt;
  return { kind: 'awaitingRectification', since: localDateOf(from) };
}

/** Whole days waited (0 on the first day); for an overdue item, the days past its due date. */
export function waitedDays(since: LocalDate, today: LocalDate): number {
  return Math.max(0, diffDays(since, today));
}

/** Oldest first; equal days by school code, then by what the item is about. */
export function compareWork(a: { since: LocalDate; schoolCode: string; sortKey: string }, b: { since: LocalDate; schoolCode: string; sortKey: string }): number {
  return a.since.localeCompare(b.since) || a.schoolCode.localeCompare(b.schoolCode) || a.sortKey.localeCompare(b.sortKey);
}

/** Items grouped by section, each section oldest first; every kind present (possibly empty). */
export function groupWork<T extends Waiting & { schoolCode: string; sortKey: string }>(items: readonly T[]): Record<WorkKind, T[]> {
  const out = Object.fromEntries(WORK_KINDS.map((k) => [k, [] as T[]])) as Record<WorkKind, T[]>;
  for (const it of items) out[it.kind].push(it);
  for (const k of WORK_KINDS) out[k].sort(compareWork);
  return out;
}
