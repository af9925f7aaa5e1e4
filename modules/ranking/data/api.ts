// The read API's view of a year's ranking (GET /api/v1/rankings?year=Y, DESIGN §6): the ranking
// in force — the active snapshot if one was published, else the live draft — straight from
// rankingView, so the API and the page always agree.
import type { IneligibilityReason } from '@/modules/ranking/domain/eligibility';
import type { ComponentValues } from '@/modules/ranking/domain/ranking';
import type { RankingState } from '@/modules/ranking/domain/notice';
import type { SchoolType } from '@/core/domain/types';
import { rankingView, type RankingView } from './view';
import type { Scope } from '@/core/scope';
import type { RankingSettingsUsed } from '@/modules/ranking/domain/composition';

export interface ApiRankingSchool {
  code: string;
  name: string;
  /** School-type group (primary, junior, nineYear, senior). */
  group: SchoolType;
  zone: string | null;
  /** As ranked: 2 decimals, a missing component counts as 0. */
  components: ComponentValues;
  /** The components that were missing (no scored quarter, no valid survey, …). */
  missing: (keyof ComponentValues)[];
  composite: number;
  eligible: boolean;
  reasons: IneligibilityReason[];
  rank: number | null;
  inQuota: boolean;
  /** The state of the ranking this row comes from. */
  state: RankingState;
}

export interface ApiRankings {
  year: number;
  state: RankingState;
  /** Snapshot version; null for the live draft. */
  version: number | null;
  publishedAt: string | null;
  noticePeriod: { startsOn: string; endsOn: string } | null;
  approvedAt: string | null;
  computedOn: string;
  settings: RankingSettingsUsed;
  schools: ApiRankingSchool[];
}

export function rankingApiBody(v: RankingView): ApiRankings {
  const snap = v.snapshot;
  return {
    year: v.year,
    state: v.state,
    version: snap?.version ?? null,
    publishedAt: snap?.publishedAt.toISOString() ?? null,
    noticePeriod: snap ? { startsOn: snap.noticeStartsOn, endsOn: snap.noticeEndsOn } : null,
    approvedAt: snap?.approvedAt?.toISOString() ?? null,
    computedOn: v.ranking.computedOn,
    settings: v.ranking.settings,
    schools: v.ranking.rows.map((r) => ({
      code: r.code,
      name: r.name,
      group: r.type,
      zone: r.zone,
      components: r.components,
      missing: (Object.keys(r.values) as (keyof ComponentValues)[]).filter((k) => r.values[k] === null),
      composite: r.composite,
      eligible: r.eligible,
      reasons: r.reasons,
      rank: r.rank,
      inQuota: r.inQuota,
      state: v.state,
    })),
  };
}

/** Evaluators and leaders: the API body for a year (rows limited to the caller's zones). */
export async function rankingsForApi(scope: Scope, year: number): Promise<ApiRankings> {
  return rankingApiBody(await rankingView(scope, year));
}
