// The `?q=2026-Q3` parameter of the coordinator's pages.
import type { Quarter, QuarterRef } from './types';

export function quarterParam(q: QuarterRef): string {
  return `${q.year}-Q${q.quarter}`;
}

/** A valid `YYYY-Qn` among the browsable quarters, else the fallback (the current quarter). */
export function parseQuarterParam(v: string | string[] | undefined, fallback: QuarterRef): QuarterRef {
  const m = typeof v === 'string' ? /^(\d{4})-Q([1-4])$/.exec(v) : null;
  if (!m) return fallback;
  const year = Number(m[1]);
  return year >= 2000 && year <= 2100 ? { year, quarter: Number(m[2]) as Quarter } : fallback;
}
