// Quarters, report due dates, close dates and period keys (DESIGN.md §3).
import { addDays, endOfLocalDayInstant, localDateOf, quarterEndDate, quarterOfDate, quarterStartDate, dateParts } from './dates';
import type { LocalDate, Quarter, QuarterRef } from './types';

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** §3 defaults. */
export const DEFAULT_REPORT_DUE_DAYS = 15;
export const DEFAULT_CLOSE_DAYS = 45;

function assertDays(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

export function isQuarter(n: number): n is Quarter {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

export function quarterStart(q: QuarterRef): LocalDate {
  return quarterStartDate(q.year, q.quarter);
}

export function quarterEnd(q: QuarterRef): LocalDate {
  return quarterEndDate(q.year, q.quarter);
}

/** The quarter a calendar date falls in. */
export function quarterOf(d: LocalDate): QuarterRef {
  return { year: dateParts(d).year, quarter: quarterOfDate(d) };
}

/** The current quarter in Asia/Shanghai at instant `now`. */
export function currentQuarter(now: Date): QuarterRef {
  return quarterOf(localDateOf(now));
}

export function previousQuarter(q: QuarterRef): QuarterRef {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter };
}

export function nextQuarter(q: QuarterRef): QuarterRef {
  return q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: (q.quarter + 1) as Quarter };
}

export function compareQuarters(a: QuarterRef, b: QuarterRef): -1 | 0 | 1 {
  const d = a.year * 4 + a.quarter - (b.year * 4 + b.quarter);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** §3: the quarterly report is due `reportDueDays` (default 15) days after the quarter ends. */
export function reportDueDate(q: QuarterRef, reportDueDays: number = DEFAULT_REPORT_DUE_DAYS): LocalDate {
  assertDays('reportDueDays', reportDueDays);
  return addDays(quarterEnd(q), reportDueDays);
}

/** §3: …at 23:59:59 Asia/Shanghai (we use 23:59:59.999 so the whole last second counts). */
export function reportDueInstant(q: QuarterRef, reportDueDays: number = DEFAULT_REPORT_DUE_DAYS): Date {
  return endOfLocalDayInstant(reportDueDate(q, reportDueDays));
}

/** §4 "report on time": submitted no later than the due instant. */
export function isReportOnTime(submittedAt: Date, q: QuarterRef, reportDueDays: number = DEFAULT_REPORT_DUE_DAYS): boolean {
  const t = submittedAt.getTime();
  if (Number.isNaN(t)) throw new RangeError('isReportOnTime: invalid submittedAt');
  return t <= dueInstantMs(q, reportDueDays);
}

/** reportDueInstant in ms, remembered per quarter and due days (asked once per school and report by the district's tables). */
const dueInstants = new Map<string, number>();
function dueInstantMs(q: QuarterRef, reportDueDays: number): number {
  const key = `${q.year}:${q.quarter}:${reportDueDays}`;
  let ms = dueInstants.get(key);
  if (ms === undefined) {
    ms = reportDueInstant(q, reportDueDays).getTime();
    if (dueInstants.size > 1000) dueInstants.clear();
    dueInstants.set(key, ms);
  }
  return ms;
}

/** §3: a period closes `closeDays` (default 45) after quarter end; the close date is the last open day. */
export function closeDate(q: QuarterRef, closeDays: number = DEFAULT_CLOSE_DAYS): LocalDate {
  assertDays('closeDays', closeDays);
  return addDays(quarterEnd(q), closeDays);
}

/**
 * §4: a period (a quarter, or a whole year when `quarter` is null) that has not ended yet is "in
 * progress": labelled so wherever it is charted, its rates counting only what is already due.
 */
export function periodInProgress(p: { year: number; quarter: Quarter | null }, today: LocalDate): boolean {
  const end = p.quarter === null ? `${p.year}-12-31` : quarterEnd({ year: p.year, quarter: p.quarter });
  return today <= end;
}

/** True once `today` is after the close date (no entries unless an evaluator reopens the report). */
export function isQuarterClosed(q: QuarterRef, today: LocalDate, closeDays: number = DEFAULT_CLOSE_DAYS): boolean {
  return today > closeDate(q, closeDays);
}

// ---- Period keys (§3) -------------------------------------------------------------------------

export type PeriodKind = 'month' | 'quarter' | 'half' | 'term' | 'year';

export interface ParsedPeriodKey {
  kind: PeriodKind;
  year: number;
  /** month 1–12, quarter 1–4, half 1–2, term 1–2 (T1 spring, T2 autumn); absent for a year. */
  index?: number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function assertIndex(kind: string, i: number, max: number): void {
  if (!Number.isInteger(i) || i < 1 || i > max) throw new RangeError(`Invalid ${kind} index: ${i}`);
}

export function monthKey(year: number, month: number): string {
  assertIndex('month', month, 12);
  return `${year}-${pad2(month)}`;
}

export function quarterKey(q: QuarterRef): string {
  return `${q.year}-Q${q.quarter}`;
}

export function halfKey(year: number, half: 1 | 2): string {
  assertIndex('half', half, 2);
  return `${year}-H${half}`;
}

/** T1 = spring term start, T2 = autumn term start. */
export function termKey(year: number, term: 1 | 2): string {
  assertIndex('term', term, 2);
  return `${year}-T${term}`;
}

export function yearKey(year: number): string {
  return String(year);
}

const PERIOD_KEY_RE = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|T([12])))?$/;

/**
 * Parse a calendar period key. Returns null for anything else — in particular for declared-event
 * ids, which are also valid period keys (§3) but carry no calendar meaning by themselves.
 */
export function parsePeriodKey(key: string): ParsedPeriodKey | null {
  const m = PERIOD_KEY_RE.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year, index: month } : null;
  }
  if (m[3] !== undefined) return { kind: 'quarter', year, index: Number(m[3]) };
  if (m[4] !== undefined) return { kind: 'half', year, index: Number(m[4]) };
  if (m[5] !== undefined) return { kind: 'term', year, index: Number(m[5]) };
  return { kind: 'year', year };
}
