// Who may act on a district's ranking (DESIGN §1, §6). The ranking is one district-wide result:
// an evaluator limited to some zones may read their zones' rows but not publish, answer or
// reopen it (decision).
import { type DistrictScope } from '@/core/scope';
import { AppError } from '@/core/errors';

export function isWholeDistrict(s: DistrictScope): boolean {
  return s.role !== 'coordinator' && s.zoneIds === null;
}

export function requireWholeDistrict(s: DistrictScope): void {
  if (!isWholeDistrict(s)) throw new AppError('forbidden');
}

/** Rows of the ranking the caller may see: all of them, or those of the evaluator's zones. */
export function visibleRows<T extends { zoneId: string | null }>(s: DistrictScope, rows: readonly T[]): T[] {
  if (!s.zoneIds) return [...rows];
  const zones = s.zoneIds;
  return rows.filter((r) => r.zoneId !== null && zones.includes(r.zoneId));
}
