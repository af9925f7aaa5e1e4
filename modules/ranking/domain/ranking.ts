// Composite score, ranking within school-type groups, and award quota (DESIGN.md §6).
import { roundTo2 } from '@/modules/obligations/domain/metrics';
import { SCHOOL_TYPES } from '@/core/domain/types';
import type { DistrictSettings, SchoolType } from '@/core/domain/types';
import type { IneligibilityReason } from './eligibility';

export type RankingWeights = DistrictSettings['weights'];
export const RANKING_COMPONENTS = ['coverage', 'timeliness', 'score', 'satisfaction'] as const;
export type RankingComponent = (typeof RANKING_COMPONENTS)[number];
export type ComponentValues = Record<RankingComponent, number>;

export type WeightsIssue = 'outOfRange' | 'sumNotOne';

/** §6: each weight within 0–1 and together 1 (±1e-9). Null = fine; otherwise a code for the UI. */
export function weightsIssue(w: RankingWeights): WeightsIssue | null {
  const vals = RANKING_COMPONENTS.map((c) => w[c]);
  if (vals.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)) return 'outOfRange';
  return Math.abs(vals.reduce((a, b) => a + b, 0) - 1) <= 1e-9 ? null : 'sumNotOne';
}

/**
 * §6: components rounded to 2 decimals (missing ⇒ 0), composite = Σ weight × component, rounded
 * to 2 decimals. Both are rounded before any comparison.
 */
export function compositeScore(values: Record<RankingComponent, number | null>, weights: RankingWeights): { components: ComponentValues; composite: number } {
  const issue = weightsIssue(weights);
  if (issue) throw new RangeError(`Invalid ranking weights: ${issue}`);
  const components = {} as ComponentValues;
  for (const c of RANKING_COMPONENTS) {
    const v = values[c];
    if (v !== null && (!Number.isFinite(v) || v < 0 || v > 100)) {
      throw new RangeError(`${c} must be within 0–100, got ${v}`);
    }
    components[c] = v === null ? 0 : roundTo2(v);
  }
  const composite = roundTo2(RANKING_COMPONENTS.reduce((s, c) => s + weights[c] * components[c], 0));
  return { components, composite };
}

/**
 * §6: award quota of a group = floor(quotaPercent % × eligible), at least 1 when anyone is
 * eligible (e.g. 7 × 15 % → 1, 20 × 15 % → 3, 0 eligible → 0).
 */
export function awardQuota(eligibleCount: number, quotaPercent: number): number {
  if (!Number.isFinite(quotaPercent) || quotaPercent < 0 || quotaPercent > 100) {
    throw new RangeError('quotaPercent must be within 0–100');
  }
  if (eligibleCount <= 0) return 0;
  // +1e-9 absorbs binary artefacts such as 29 % × 100 = 28.999999999999996.
  return Math.max(1, Math.floor((quotaPercent * eligibleCount) / 100 + 1e-9));
}

export interface RankingCandidate {
  schoolId: string;
  schoolType: SchoolType;
  coverage: number | null;
  timeliness: number | null;
  /** Evaluator year score. */
  score: number | null;
  /** Combined satisfaction. */
  satisfaction: number | null;
  /** From eligibilityReasons(); empty = eligible. */
  reasons: readonly IneligibilityReason[];
}

export interface RankedSchool {
  schoolId: string;
  schoolType: SchoolType;
  components: ComponentValues;
  composite: number;
  eligible: boolean;
  reasons: IneligibilityReason[];
  /** Competition rank within the school-type group among eligible schools; null if ineligible. */
  rank: number | null;
  /** Within the group's quota and composite ≥ minComposite. */
  awarded: boolean;
}

export interface GroupSummary {
  schoolType: SchoolType;
  schools: number;
  eligible: number;
  quota: number;
  awarded: number;
}

export type RankingSettings = Pick<DistrictSettings, 'weights' | 'quotaPercent' | 'minComposite'>;

/** §6 tie-break order after the composite: satisfaction, timeliness, coverage, evaluator score. */
const TIE_BREAK: readonly RankingComponent[] = ['satisfaction', 'timeliness', 'coverage', 'score'];

function compareMerit(a: RankedSchool, b: RankedSchool): number {
  if (a.composite !== b.composite) return b.composite - a.composite;
  for (const c of TIE_BREAK) if (a.components[c] !== b.components[c]) return b.components[c] - a.components[c];
  return 0;
}

/**
 * §6 ranking. Within each school-type group, eligible schools get competition ranks (1, 2, 2, 4):
 * schools equal on composite and every tie-break share a rank. Ineligible schools are listed
 * (rank null, with reasons) after the ranked ones.
 *
 * Ties at the quota line (decision): a school is awarded when its rank ≤ quota and composite ≥
 * minComposite. So every school sharing the last in-quota rank is in (quota 2 with ranks 1, 2, 2
 * awards three), and a tie never pushes a school out; the award count may exceed the quota.
 *
 * Rows come grouped in SCHOOL_TYPES order, then by rank, then ineligible by composite; equal
 * rows by schoolId for a stable output.
 */
export function rankSchools(candidates: readonly RankingCandidate[], settings: RankingSettings): { rows: RankedSchool[]; groups: GroupSummary[] } {
  const ids = new Set<string>();
  const byType = new Map<SchoolType, RankedSchool[]>();
  for (const c of candidates) {
    if (ids.has(c.schoolId)) throw new RangeError(`Duplicate school ${c.schoolId}`);
    ids.add(c.schoolId);
    const { components, composite } = compositeScore(c, settings.weights);
    const row: RankedSchool = {
      schoolId: c.schoolId,
      schoolType: c.schoolType,
      components,
      composite,
      eligible: c.reasons.length === 0,
      reasons: [...c.reasons],
      rank: null,
      awarded: false,
    };
    const list = byType.get(c.schoolType);
    if (list) list.push(row);
    else byType.set(c.schoolType, [row]);
  }

  const rows: RankedSchool[] = [];
  const groups: GroupSummary[] = [];
  for (const type of SCHOOL_TYPES) {
    const list = byType.get(type);
    if (!list) continue;
    const byId = (a: RankedSchool, b: RankedSchool) => (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0);
    const eligible = list.filter((r) => r.eligible).sort((a, b) => compareMerit(a, b) || byId(a, b));
    const ineligible = list.filter((r) => !r.eligible).sort((a, b) => compareMerit(a, b) || byId(a, b));
    const quota = awardQuota(eligible.length, settings.quotaPercent);
    let awarded = 0;
    eligible.forEach((r, i) => {
      const prev = eligible[i - 1];
      r.rank = prev && compareMerit(prev, r) === 0 ? (prev.rank as number) : i + 1;
      r.awarded = r.rank <= quota && r.composite >= settings.minComposite;
      if (r.awarded) awarded += 1;
    });
    rows.push(...eligible, ...ineligible);
    groups.push({ schoolType: type, schools: list.length, eligible: eligible.length, quota, awarded });
  }
  return { rows, groups };
}
