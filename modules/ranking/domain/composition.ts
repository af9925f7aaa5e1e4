// DESIGN §6 composition: from a district-year's facts (obligation results, report states and
// scores, survey aggregates, findings) to the ranked rows — components, composite, gates, ranks
// within school-type groups, quota — and the facts shown beside each row. Pure: the data layer
// (modules/ranking/data/facts.ts) loads the facts; the ranking page, API, export, 公示 snapshot and
// dashboard all show what this computes.
import { QUARTERS } from '@/core/domain/periods';
import { SURVEY_GROUPS } from '@/core/domain/types';
import type { ChecklistItem, CoverageTally, DistrictSettings, LocalDate, ObligationResult, Quarter, ReportState, SchoolType, SurveyGroup } from '@/core/domain/types';
import { coverage, roundTo2, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { yearScore } from '@/modules/reports/domain/scores';
import type { SatisfactionAggregate, SchoolSatisfaction } from '@/modules/surveys/domain/satisfaction';
import { eligibilityReasons, hasUnresolvedVeto, type FindingFact, type IneligibilityReason } from './eligibility';
import { rankSchools, type ComponentValues, type GroupSummary, type RankingComponent, type RankingWeights } from './ranking';

/** The school a row is about. */
export interface SchoolRef {
  id: string;
  code: string;
  name: string;
  type: SchoolType;
  zoneId: string | null;
}

export interface ReportFactRow {
  quarter: Quarter;
  state: ReportState;
  submittedAt: Date | null;
  /** Rubric total of the report's evaluation, only when the report is approved (§6 decision). */
  score: number | null;
}

export interface SchoolYearFacts {
  school: SchoolRef;
  zone: string | null;
  /** Obligation results of each quarter; item ids are canonical per item code (unifyItems). */
  quarters: Record<Quarter, ObligationResult[]>;
  reports: ReportFactRow[];
  satisfaction: SchoolSatisfaction;
  /** The answers behind it, per group, so zone and district 满意率 pool responses (§4). */
  surveyAggregates: Partial<Record<SurveyGroup, SatisfactionAggregate>>;
  findings: FindingFact[];
}

export interface YearFacts {
  districtId: string;
  year: number;
  today: LocalDate;
  settings: DistrictSettings;
  /** The year's items, one per code (union over the quarters' checklist versions). */
  items: ChecklistItem[];
  zones: { id: string; name: string }[];
  /** Active schools of the district, by code. */
  schools: SchoolYearFacts[];
}

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

const two = (x: number | null): number | null => (x === null ? null : roundTo2(x));

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
    // §6: the components as ranked, rounded once from the exact figures to 2 decimals.
    values: {
      coverage: two(coverage(t)),
      timeliness: two(timeliness(t)),
      score: two(yearScore(s.reports.map((r) => r.score))),
      satisfaction: two(s.satisfaction.combined),
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

// Facts served from a cache are shared objects: rank them once.
const ranked = new WeakMap<YearFacts, RankingResult>();

/** §6 on the loaded facts: components, composite, gates, ranks within groups, quota (shared result: do not mutate). */
export function rankYearFacts(f: YearFacts): RankingResult {
  const hit = ranked.get(f);
  if (hit) return hit;
  const r = composeRanking(f);
  ranked.set(f, r);
  return r;
}

function composeRanking(f: YearFacts): RankingResult {
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
