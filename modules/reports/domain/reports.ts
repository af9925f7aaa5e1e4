// Quarterly report figures: completeness and on-time rate (DESIGN.md §3, §4).
import { percent } from '@/modules/obligations/domain/metrics';
import { DEFAULT_REPORT_DUE_DAYS, isReportOnTime, QUARTERS, reportDueDate } from '@/core/domain/periods';
import type { LocalDate, Quarter, ReportState } from '@/core/domain/types';

export interface ReportFact {
  quarter: Quarter;
  state: ReportState;
  /**
   * The school's FIRST submission of this report, kept through returns and reopenings (decision:
   * a report that was handed in by the due instant stays on time if an evaluator returns it);
   * null if never submitted.
   */
  submittedAt: Date | null;
}

export interface ReportFigures {
  /** Number of expected reports (expected quarters). */
  expected: number;
  /** Expected reports that were ever submitted (any state, submittedAt set). */
  submitted: number;
  /** Expected reports submitted by their due instant (§3: quarter end + reportDueDays, 23:59:59). */
  onTime: number;
  /** Expected reports in state `approved`. */
  approved: number;
  /** §4 report completeness = submitted / expected × 100; null if nothing is expected. */
  completeness: number | null;
  /** §4 report on time = on time / expected × 100 (for a full year: / 4); null if nothing expected. */
  onTimeRate: number | null;
}

/**
 * §4 report figures for one school and year. `expectedQuarters` defaults to all four (the year
 * figure); pass e.g. [1, 2] for a year in progress. Reports of other quarters are ignored; two
 * reports for the same quarter are a data error (RangeError).
 */
export function reportFigures(reports: readonly ReportFact[], year: number, reportDueDays: number = DEFAULT_REPORT_DUE_DAYS, expectedQuarters: readonly Quarter[] = QUARTERS): ReportFigures {
  const expected = new Set(expectedQuarters);
  const seen = new Set<Quarter>();
  let submitted = 0;
  let onTime = 0;
  let approved = 0;
  for (const r of reports) {
    if (seen.has(r.quarter)) throw new RangeError(`Two reports for ${year}-Q${r.quarter}`);
    seen.add(r.quarter);
    if (!expected.has(r.quarter)) continue;
    if (r.state === 'approved') approved += 1;
    if (r.submittedAt === null) continue;
    submitted += 1;
    if (isReportOnTime(r.submittedAt, { year, quarter: r.quarter }, reportDueDays)) onTime += 1;
  }
  return {
    expected: expected.size,
    submitted,
    onTime,
    approved,
    completeness: percent(submitted, expected.size),
    onTimeRate: percent(onTime, expected.size),
  };
}

/**
 * §4 a period in progress: a quarterly report counts in the report rates once its due date is
 * before today, like an obligation (its not-yet-due reports are shown apart as 未到期).
 */
export function isReportDue(year: number, quarter: Quarter, today: LocalDate, reportDueDays: number = DEFAULT_REPORT_DUE_DAYS): boolean {
  return reportDueDate({ year, quarter }, reportDueDays) < today;
}

/** The quarters of `year` (among `quarters`) whose reports are due — the expected reports of §4. */
export function dueReportQuarters(year: number, today: LocalDate, reportDueDays: number = DEFAULT_REPORT_DUE_DAYS, quarters: readonly Quarter[] = QUARTERS): Quarter[] {
  return quarters.filter((q) => isReportDue(year, q, today, reportDueDays));
}
