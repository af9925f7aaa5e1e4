// Reads the review pages' query parameters; anything malformed falls back to the default view
// (pages are forgiving, the API answers 400 instead).
import { thisQuarter } from '@/core/context';
import { isQuarter } from '@/core/domain/periods';
import { SCHOOL_TYPES, type Quarter, type SchoolType } from '@/core/domain/types';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function one(v: string | string[] | undefined): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Years offered in the pickers: the current one and the two before (the demo holds 2024–2026). */
export function pickerYears(): number[] {
  const y = thisQuarter().year;
  return [y, y - 1, y - 2];
}

export function readPeriod(sp: Record<string, string | string[] | undefined>, opts: { allowYear: boolean }): { year: number; quarter: Quarter | null } {
  const now = thisQuarter();
  const y = Number(one(sp.year));
  const year = pickerYears().includes(y) ? y : now.year;
  const qs = one(sp.quarter);
  const q = Number(qs);
  if (qs === null && opts.allowYear && one(sp.year) !== null) return { year, quarter: null };
  if (isQuarter(q)) return { year, quarter: q };
  return { year, quarter: opts.allowYear && one(sp.year) !== null ? null : year === now.year ? now.quarter : 4 };
}

export function readType(v: string | string[] | undefined): SchoolType | null {
  const s = one(v);
  return s && (SCHOOL_TYPES as readonly string[]).includes(s) ? (s as SchoolType) : null;
}

export function query(params: Record<string, string | number | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
