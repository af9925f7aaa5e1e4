// Query parameters of the read API (/api/v1/*) and of the review pages' pickers. A bad value is
// a 400 with a message naming the parameter (never a silent default).
import { z } from 'zod';
import { ParamError } from '@/core/errors';

export { ParamError };
import { isQuarter } from '@/core/domain/periods';
import type { Quarter } from '@/core/domain/types';

const YEAR_RE = /^\d{4}$/;
const CODE_RE = /^[A-Za-z0-9_.-]{1,40}$/;

export function parseYear(v: string | null, required = true): number | null {
  if (v === null || v === '') {
    if (required) throw new ParamError('year', 'year is required (e.g. year=2026)');
    return null;
  }
  if (!YEAR_RE.test(v) || Number(v) < 2000 || Number(v) > 2100) throw new ParamError('year', 'year must be a year between 2000 and 2100');
  return Number(v);
}

export function parseQuarter(v: string | null): Quarter | null {
  if (v === null || v === '') return null;
  const n = Number(v);
  if (!/^[1-4]$/.test(v) || !isQuarter(n)) throw new ParamError('quarter', 'quarter must be 1, 2, 3 or 4');
  return n;
}

export function parseSchoolCode(v: string | null): string | null {
  if (v === null || v === '') return null;
  if (!CODE_RE.test(v)) throw new ParamError('school', 'school must be a school code such as dc01');
  return v;
}

/** Only the listed parameters are accepted, so a typo (e.g. `yaer`) is a 400, not ignored. */
export function rejectUnknownParams(params: URLSearchParams, allowed: readonly string[]): void {
  for (const k of params.keys()) if (!allowed.includes(k)) throw new ParamError(k, `unknown parameter "${k}"; allowed: ${allowed.join(', ')}`);
}

export const tokenNameSchema = z.object({ name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(80, { error: 'tooLong' }) });
