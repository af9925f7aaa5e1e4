// Leadership dashboard figures that are not metrics of their own (DESIGN.md §4, §6): the
// distribution of composite scores, the top and bottom schools, rank movement against last year
// and the district's mean 满意率. They only rearrange figures computed by the core.
import { roundTo2 } from '@/modules/obligations/domain/metrics';

/** Composite bands; the edge at 85 is the default award line (§6 minComposite). */
export const COMPOSITE_BANDS: readonly { from: number; to: number }[] = [
  { from: 0, to: 60 },
  { from: 60, to: 70 },
  { from: 70, to: 80 },
  { from: 80, to: 85 },
  { from: 85, to: 90 },
  { from: 90, to: 95 },
  { from: 95, to: 100 },
];

export interface Band {
  from: number;
  /** Exclusive, except for the last band, which includes 100. */
  to: number;
  count: number;
  schoolIds: string[];
}

/** How many schools fall in each band of composite score [from, to). */
export function compositeDistribution(rows: readonly { schoolId: string; composite: number }[]): Band[] {
  const bands: Band[] = COMPOSITE_BANDS.map((b) => ({ ...b, count: 0, schoolIds: [] }));
  const last = bands.length - 1;
  for (const r of rows) {
    if (!Number.isFinite(r.composite) || r.composite < 0 || r.composite > 100) throw new RangeError(`composite out of range: ${r.composite}`);
    const i = bands.findIndex((b, k) => r.composite >= b.from && (r.composite < b.to || k === last));
    bands[i]!.count += 1;
    bands[i]!.schoolIds.push(r.schoolId);
  }
  return bands;
}

interface Scored {
  schoolId: string;
  code: string;
  composite: number;
}

/**
 * The `n` highest and `n` lowest composites (ties by school code, so the lists are stable). With
 * fewer than 2n schools the lists overlap; the bottom list runs from the lowest upwards.
 */
export function topAndBottom<T extends Scored>(rows: readonly T[], n: number): { top: T[]; bottom: T[] } {
  const byCode = (a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const desc = [...rows].sort((a, b) => b.composite - a.composite || byCode(a, b));
  const asc = [...rows].sort((a, b) => a.composite - b.composite || byCode(a, b));
  return { top: desc.slice(0, n), bottom: asc.slice(0, n) };
}

export interface Placed {
  schoolId: string;
  /** Rank within the school-type group; null when ineligible. */
  rank: number | null;
  composite: number;
}

export interface Movement {
  schoolId: string;
  rank: number | null;
  previousRank: number | null;
  /** previousRank − rank: positive = moved up; null when either year has no rank. */
  movement: number | null;
  composite: number;
  previousComposite: number | null;
  /** composite − previousComposite (2 decimals); null without last year's figure. */
  compositeChange: number | null;
}

/** Rank movement of each school of `current` against `previous` (matched by school id). */
export function rankMovement(current: readonly Placed[], previous: readonly Placed[]): Movement[] {
  const last = new Map(previous.map((p) => [p.schoolId, p]));
  return current.map((c) => {
    const p = last.get(c.schoolId) ?? null;
    const previousRank = p?.rank ?? null;
    return {
      schoolId: c.schoolId,
      rank: c.rank,
      previousRank,
      movement: c.rank !== null && previousRank !== null ? previousRank - c.rank : null,
      composite: c.composite,
      previousComposite: p ? p.composite : null,
      compositeChange: p ? roundTo2(c.composite - p.composite) : null,
    };
  });
}

/** Mean of the figures that exist (null entries skipped), exact; null if none exist. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null);
  if (xs.length === 0) return null;
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
