// Explaining a composite (DESIGN.md §6): every component's value, weight and contribution, and
// which schools changed between two computations of a ranking (a published snapshot and the live
// draft). Pure functions over the core's own results.
import { roundTo2 } from '@/modules/obligations/domain/metrics';
import { compositeScore, RANKING_COMPONENTS, type RankingComponent, type RankingWeights } from './ranking';

export interface Contribution {
  component: RankingComponent;
  /** The component as ranked: rounded to 2 decimals, a missing one counts as 0. */
  value: number;
  /** True when the figure did not exist (no scored quarter, no valid survey, …). */
  missing: boolean;
  weight: number;
  /** weight × value, 2 decimals (for display; the composite is computed unrounded, §6). */
  contribution: number;
}

/**
 * The parts of a composite. The composite returned is the core's (Σ weight × value, rounded
 * once), so the rounded contributions may differ from it by a cent; the UI shows both.
 */
export function explainComposite(values: Record<RankingComponent, number | null>, weights: RankingWeights): { parts: Contribution[]; composite: number } {
  const { components, composite } = compositeScore(values, weights);
  const parts = RANKING_COMPONENTS.map((c) => ({
    component: c,
    value: components[c],
    missing: values[c] === null,
    weight: weights[c],
    contribution: roundTo2(weights[c] * components[c]),
  }));
  return { parts, composite };
}

export interface ComparableRow {
  schoolId: string;
  composite: number;
  eligible: boolean;
  rank: number | null;
  inQuota: boolean;
}

export type RowChange = 'composite' | 'eligible' | 'rank' | 'inQuota' | 'added' | 'removed';

/**
 * Schools whose result differs between `before` (e.g. the published snapshot) and `after` (the
 * live draft), with what changed; unchanged schools are left out. Ordered by `after`, then the
 * removed ones.
 */
export function rankingChanges(before: readonly ComparableRow[], after: readonly ComparableRow[]): { schoolId: string; changes: RowChange[] }[] {
  const old = new Map(before.map((r) => [r.schoolId, r]));
  const out: { schoolId: string; changes: RowChange[] }[] = [];
  for (const r of after) {
    const o = old.get(r.schoolId);
    old.delete(r.schoolId);
    if (!o) {
      out.push({ schoolId: r.schoolId, changes: ['added'] });
      continue;
    }
    const changes: RowChange[] = [];
    if (o.composite !== r.composite) changes.push('composite');
    if (o.eligible !== r.eligible) changes.push('eligible');
    if (o.rank !== r.rank) changes.push('rank');
    if (o.inQuota !== r.inQuota) changes.push('inQuota');
    if (changes.length) out.push({ schoolId: r.schoolId, changes });
  }
  for (const id of old.keys()) out.push({ schoolId: id, changes: ['removed'] });
  return out;
}
