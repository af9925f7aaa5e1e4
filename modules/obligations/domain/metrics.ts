// Coverage and timeliness tallies, percentages and roll-ups (DESIGN.md §4).
// Every screen, export and API computes these figures through this module. Figures are exact;
// they are rounded once, at the precision shown (core/domain/rounding.ts).
import { roundHalfUp } from '@/core/domain/rounding';
import type { CoverageTally, ObligationResult } from '@/core/domain/types';

/** Round half away from zero to 2 decimals (§6 ranking components; rubric sums). */
export function roundTo2(x: number): number {
  return roundHalfUp(x, 2);
}

/** §4: part / whole × 100, exact (rounded only where shown); null when whole = 0 (nothing to measure). */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return (part / whole) * 100;
}

export function emptyTally(): CoverageTally {
  return { obligations: 0, notYetDue: 0, met: 0, onTime: 0, weightTotal: 0, weightMet: 0, weightOnTime: 0 };
}

/**
 * §4: weighted sums over a set of obligation results (a school-quarter, a school-year, …). Only
 * obligations already due count; the others are counted apart as `notYetDue` (未到期), so a
 * period in progress is not drawn as a collapse.
 */
export function tally(results: readonly ObligationResult[]): CoverageTally {
  const t = emptyTally();
  for (const r of results) {
    if (!r.due) {
      t.notYetDue += 1;
      continue;
    }
    const w = r.obligation.weight;
    t.obligations += 1;
    t.weightTotal += w;
    if (r.met) {
      t.met += 1;
      t.weightMet += w;
    }
    if (r.onTime) {
      t.onTime += 1;
      t.weightOnTime += w;
    }
  }
  return t;
}

export function addTallies(...tallies: readonly CoverageTally[]): CoverageTally {
  const t = emptyTally();
  for (const x of tallies) {
    t.obligations += x.obligations;
    t.notYetDue += x.notYetDue;
    t.met += x.met;
    t.onTime += x.onTime;
    t.weightTotal += x.weightTotal;
    t.weightMet += x.weightMet;
    t.weightOnTime += x.weightOnTime;
  }
  return t;
}

/** §4 coverage = Σw(met) / Σw(all due) × 100, exact; null when there is no weight at all. */
export function coverage(t: CoverageTally): number | null {
  return percent(t.weightMet, t.weightTotal);
}

/** §4 timeliness = Σw(on time) / Σw(all due) × 100 (a missing disclosure is not on time), exact. */
export function timeliness(t: CoverageTally): number | null {
  return percent(t.weightOnTime, t.weightTotal);
}

export interface RollUpFigures {
  tally: CoverageTally;
  coverage: number | null;
  timeliness: number | null;
  /** How many tallies (schools, zones, …) were combined. */
  units: number;
}

/**
 * §4: zone/district roll-up = percentages of the summed weights ("weighted by obligations"),
 * never the mean of the schools' percentages.
 */
export function rollUp(tallies: readonly CoverageTally[]): RollUpFigures {
  const t = addTallies(...tallies);
  return { tally: t, coverage: coverage(t), timeliness: timeliness(t), units: tallies.length };
}

/** Roll rows up per key (e.g. zone id, school type); Map in first-seen key order. */
export function groupRollUp<T extends { tally: CoverageTally }>(rows: readonly T[], keyFn: (row: T) => string): Map<string, RollUpFigures> {
  const groups = new Map<string, CoverageTally[]>();
  for (const row of rows) {
    const k = keyFn(row);
    const list = groups.get(k);
    if (list) list.push(row.tally);
    else groups.set(k, [row.tally]);
  }
  const out = new Map<string, RollUpFigures>();
  for (const [k, list] of groups) out.set(k, rollUp(list));
  return out;
}
