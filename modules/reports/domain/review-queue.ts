// Review-queue figures for a quarter, as DHIS2 users expect them (DESIGN §3, §4): expected
// reports, submitted, submitted on time, completeness % and on-time %, per zone and district.
import { percent } from '@/modules/obligations/domain/metrics';
import type { LocalDate, ReportState } from '@/core/domain/types';

/**
 * §4: `expected` are the reports already due (due date before today), `submitted` and `onTime`
 * among them; `notYetDue` the others, shown apart (a quarter in progress is not a collapse).
 */
export interface ReportCount {
  expected: number;
  notYetDue: number;
  submitted: number;
  onTime: number;
}

export interface ReportRollUp extends ReportCount {
  /** §4 report completeness = submitted / expected × 100. */
  completeness: number | null;
  /** §4 report on time = submitted by the due date / expected × 100. */
  onTimeRate: number | null;
}

export interface QueueFact {
  /** First submission (kept through returns, §4 "report on time" is judged on it). */
  submittedAt: Date | null;
  onTime: boolean;
  /** The report's due date is before today (isReportDue). */
  due: boolean;
}

export function countReports(facts: readonly QueueFact[]): ReportCount {
  let expected = 0;
  let notYetDue = 0;
  let submitted = 0;
  let onTime = 0;
  for (const f of facts) {
    if (!f.due) {
      notYetDue += 1;
      continue;
    }
    expected += 1;
    if (f.submittedAt === null) continue;
    submitted += 1;
    if (f.onTime) onTime += 1;
  }
  return { expected, notYetDue, submitted, onTime };
}

/** Percentages of summed counts: a district figure is never a mean of zone percentages (§4). */
export function reportRollUp(counts: readonly ReportCount[]): ReportRollUp {
  const c = counts.reduce((a, b) => ({ expected: a.expected + b.expected, notYetDue: a.notYetDue + b.notYetDue, submitted: a.submitted + b.submitted, onTime: a.onTime + b.onTime }), {
    expected: 0,
    notYetDue: 0,
    submitted: 0,
    onTime: 0,
  });
  return { ...c, completeness: percent(c.submitted, c.expected), onTimeRate: percent(c.onTime, c.expected) };
}

/** §8 "evaluators see overdue reports": not submitted after the due date. */
export function isReportOverdue(submittedAt: Date | null, dueDate: LocalDate, today: LocalDate): boolean {
  return submittedAt === null && today > dueDate;
}

/** Queue order: overdue first, then reports waiting for the evaluator, then the rest; by code. */
const STATE_ORDER: Record<ReportState | 'none', number> = { submitted: 0, returned: 1, draft: 2, none: 2, approved: 3 };

export function compareQueueRows(a: { overdue: boolean; state: ReportState | 'none'; code: string }, b: { overdue: boolean; state: ReportState | 'none'; code: string }): number {
  return Number(b.overdue) - Number(a.overdue) || STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.code.localeCompare(b.code);
}
