// Which period a documents page shows when the address names none (issue 17), and reading the
// period from the address (a bad value falls back to the default rather than failing).
import { previousQuarter } from '@/core/domain/periods';
import type { Quarter, QuarterRef } from '@/core/domain/types';
import { quarterOf, yearOf } from '@/modules/documents/validation/texts';

type Param = string | string[] | undefined;
const one = (v: Param) => (Array.isArray(v) ? v[0] : v);

/** A school's summary: the current year from October (drafting season), else last year. */
export function summaryYear(v: Param, current: QuarterRef, years: readonly number[]): number {
  const asked = yearOf(one(v));
  if (asked !== null) return asked;
  const preferred = current.quarter === 4 ? current.year : current.year - 1;
  return years.includes(preferred) ? preferred : (years[0] ?? current.year);
}

/** The quarterly 通报: the last quarter that has ended. */
export function bulletinQuarter(y: Param, q: Param, current: QuarterRef): QuarterRef {
  const year = yearOf(one(y));
  const quarter = quarterOf(one(q));
  if (year !== null && quarter !== null) return { year, quarter: quarter as Quarter };
  return previousQuarter(current);
}

/** The annual report: last year, unless another is asked for. */
export function reportYear(v: Param, current: QuarterRef): number {
  return yearOf(one(v)) ?? current.year - 1;
}
