// The live (draft) 先进单位 ranking of a district-year (DESIGN §6), computed by the domain core
// from the year's facts. This is the ONE computation behind the ranking page, the API, the XLSX
// export, the 公示 snapshot and the dashboard. Its rows are plain JSON, so a snapshot stores them
// as they are.
import type { Tx } from '@/db/client';
import { eligibilityReasons, hasUnresolvedVeto, type IneligibilityReason } from '@/modules/ranking/domain/eligibility';
import { coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { QUARTERS } from '@/core/domain/periods';
import { rankingState, type RankingState } from '@/modules/ranking/domain/notice';
import { rankSchools, type ComponentValues, type GroupSummary, type RankingComponent, type RankingWeights } from '@/modules/ranking/domain/ranking';
import { yearScore } from '@/modules/reports/domain/scores';
import { SURVEY_GROUPS } from '@/core/domain/types';
import type { CoverageTally, LocalDate, Quarter, ReportState, SchoolType, SurveyGroup } from '@/core/domain/types';
import { loadYearFacts, type SchoolYearFacts, type YearFacts } from './facts';
import { activeSnapshotRow, readSnapshot } from './snapshots';
import { cached, cacheKey, changeStamp } from '@/modules/dashboard/data/school-table-cache';

export interface GroupSurveyFact {
  n: number;
  /** 满意率; null under the anonymity floor. */
  rate: number | null;
  valid: boolean;
}

/** The facts behind a row, shown when it is expanded (and frozen with it in a snapshot). */
export interface RowFacts {
  tally: CoverageTally;
  reports: { quarter: Quarter; state: ReportState | 'none'; score: number | null }[];
  surveys: Record<SurveyGroup, GroupSurveyFact>;
  /** 一票否决 findings of the year still open. */
  vetoOpen: number;
}

export interface RankingRow {
  schoolId: string;
  code: string;
  name: string;
  type: SchoolType;
  zoneId: string | null;
  zone: string | null;
  /** The components as measured (2 decimals); null = missing (counts as 0). */
  values: Record<RankingComponent, number | null>;
  /** The components as ranked (missing ⇒ 0). */
  components: ComponentValues;
  composite: number;
  eligible: boolean;
  reasons: IneligibilityReason[];
  /** Competition rank within the school-type group; null when ineligible. */
  rank: number | null;
  /** Within the group's award quota and composite ≥ minComposite. */
  inQuota: boolean;
  facts: RowFacts;
}

export interface RankingSettingsUsed {
  weights: RankingWeights;
  quotaPercent: number;
  minComposite: number;
  minResponses: number;
  noticeWorkingDays: number;
}

export interface RankingResult {
  year: number;
  /** The day the figures were computed ("today" of the obligations' statuses). */
  computedOn: LocalDate;
  settings: RankingSettingsUsed;
  groups: GroupSummary[];
  /** Grouped by school type, then rank, then the ineligible (the core's order). */
  rows: RankingRow[];
}

interface Measured {
  s: SchoolYearFacts;
  values: Record<RankingComponent, number | null>;
  reasons: IneligibilityReason[];
  facts: RowFacts;
}

function measure(f: YearFacts, s: SchoolYearFacts): Measured {
  const results = QUARTERS.flatMap((q) => s.quarters[q]);
  const t = tally(results);
  const byQuarter = new Map(s.reports.map((r) => [r.quarter, r]));
  const reasons = eligibilityReasons({
    year: f.year,
    reports: s.reports.map((r) => ({ quarter: r.quarter, state: r.state })),
    items: f.items,
    results,
    findings: s.findings,
    satisfaction: s.satisfaction.combined,
  });
  const surveys = {} as Record<SurveyGroup, GroupSurveyFact>;
  for (const g of SURVEY_GROUPS) {
    const x = s.satisfaction.groups[g];
    surveys[g] = { n: x.n, rate: x.satisfactionRate, valid: x.valid };
  }
  return {
    s,
    values: {
      coverage: coverage(t),
      timeliness: timeliness(t),
      score: yearScore(s.reports.map((r) => r.score)),
      satisfaction: s.satisfaction.combined,
    },
    reasons,
    facts: {
      tally: t,
      reports: QUARTERS.map((q) => ({ quarter: q, state: byQuarter.get(q)?.state ?? 'none', score: byQuarter.get(q)?.score ?? null })),
      surveys,
      vetoOpen: s.findings.filter((x) => hasUnresolvedVeto([x], f.year)).length,
    },
  };
}

// Facts served from the cache (school-table-cache.ts) are shared objects: rank them once.
const ranked = new WeakMap<YearFacts, RankingResult>();

/** §6 on the loaded facts: components, composite, gates, ranks within groups, quota (shared result: do not mutate). */
export function rankYearFacts(f: YearFacts): RankingResult {
  const hit = ranked.get(f);
  if (hit) return hit;
  const r = computeRanking(f);
  ranked.set(f, r);
  return r;
}

function computeRanking(f: YearFacts): RankingResult {
  const settings: RankingSettingsUsed = {
    weights: f.settings.weights,
    quotaPercent: f.settings.quotaPercent,
    minComposite: f.settings.minComposite,
    minResponses: f.settings.minResponses,
    noticeWorkingDays: f.settings.noticeWorkingDays,
  };
  const measured = new Map(f.schools.map((s) => [s.school.id, measure(f, s)]));
  const { rows, groups } = rankSchools(
    [...measured.values()].map((m) => ({ schoolId: m.s.school.id, schoolType: m.s.school.type, ...m.values, reasons: m.reasons })),
    settings,
  );
  return {
    year: f.year,
    computedOn: f.today,
    settings,
    groups,
    rows: rows.map((r) => {
      const m = measured.get(r.schoolId)!;
      return {
        schoolId: r.schoolId,
        code: m.s.school.code,
        name: m.s.school.name,
        type: r.schoolType,
        zoneId: m.s.school.zoneId,
        zone: m.s.zone,
        values: m.values,
        components: r.components,
        composite: r.composite,
        eligible: r.eligible,
        reasons: r.reasons,
        rank: r.rank,
        inQuota: r.awarded,
        facts: m.facts,
      };
    }),
  };
}

/** The live ranking of a district-year, with the facts it came from (caller: a district transaction). */
export async function computeLiveRanking(tx: Tx, districtId: string, year: number, today: LocalDate): Promise<{ facts: YearFacts; ranking: RankingResult }> {
  const facts = await loadYearFacts(tx, districtId, year, today);
  return { facts, ranking: rankYearFacts(facts) };
}

/**
 * The live ranking of a district-year, kept while the district's change stamp holds (like the
 * school table and the dashboard's year facts, school-table-cache.ts): the province ranking and
 * the dashboard's rank movement read it. Only the ranked rows are kept, not the facts. Publishing
 * a snapshot (ranking-workflow.ts) always recomputes with computeLiveRanking.
 */
export async function cachedLiveRanking(tx: Tx, districtId: string, year: number, today: LocalDate, stamp?: string): Promise<RankingResult> {
  // The change stamp is read before the data (school-table-cache.ts); a caller that already read
  // it in this transaction, before any data, may pass it.
  stamp ??= await changeStamp(tx, districtId);
  return cached('ranking', cacheKey({ ranking: 'live', district: districtId, year, today }), stamp, async () => rankYearFacts(await loadYearFacts(tx, districtId, year, today)));
}

/**
 * The ranking in force of a district-year as loadRankingView (ranking-view.ts) decides it — the
 * active snapshot (公示 or final), else the live draft — without the facts: for readers that only
 * need the ranked rows (province ranking, the dashboard's rank movement against last year).
 */
export async function rankingInForce(
  tx: Tx,
  districtId: string,
  year: number,
  today: LocalDate,
  stamp?: string,
): Promise<{ year: number; state: RankingState; source: 'snapshot' | 'live'; snapshotVersion: number | null; ranking: RankingResult }> {
  const row = await activeSnapshotRow(tx, districtId, year);
  if (row) return { year, state: rankingState(row), source: 'snapshot', snapshotVersion: row.version, ranking: readSnapshot(row).ranking };
  return { year, state: rankingState(null), source: 'live', snapshotVersion: null, ranking: await cachedLiveRanking(tx, districtId, year, today, stamp) };
}
