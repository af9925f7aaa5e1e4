// The leadership dashboard of a district-year (DESIGN §4, §6): KPIs for the year and a quarter,
// quarter-by-quarter trends, zones side by side, the distribution of composite scores, the top
// and bottom schools, and rank movement against last year. Figures come from the same year facts
// and ranking view as the ranking page (so the dashboard and the ranking table agree).
import { compositeDistribution, meanOf, rankMovement, topAndBottom, type Movement } from '@/modules/dashboard/domain/dashboard';
import { percent, rollUp } from '@/modules/obligations/domain/metrics';
import { periodInProgress, QUARTERS, quarterStart } from '@/core/domain/periods';
import type { RankingState } from '@/modules/ranking/domain/notice';
import { dueReportQuarters, reportFigures, type ReportFact } from '@/modules/reports/domain/reports';
import { pooledSatisfaction } from '@/modules/surveys/domain/satisfaction';
import type { LocalDate, Quarter, SchoolType } from '@/core/domain/types';
import { inDistrict, today } from '@/core/context';
import { loadYearFacts, yearsOfDistrict } from '@/modules/ranking/data/facts';
import { rankingInForce } from '@/modules/ranking/data/live';
import { loadRankingView } from '@/modules/ranking/data/view';
import { countFindingsTx } from '@/modules/reports/data/findings';
import type { Scope } from '@/core/scope';
import type { SchoolYearFacts, YearFacts, RankingRow } from '@/modules/ranking/domain/composition';

export interface Kpis {
  coverage: number | null;
  timeliness: number | null;
  /** Reports submitted / expected × 100 (expected = reports already due, §4). */
  reportCompleteness: number | null;
  /** Reports submitted on time / expected × 100. */
  reportOnTime: number | null;
  /** §4: the period has not ended; its rates count only what is already due. */
  inProgress: boolean;
  /** Obligations not yet due (未到期), in no rate. */
  notYetDue: number;
  /** Quarterly reports not yet due, in no rate. */
  reportsNotYetDue: number;
}

export interface YearKpis extends Kpis {
  /** §4: the district's 满意率 — per group the pooled responses of the schools shown, mean of the valid groups. */
  satisfaction: number | null;
  /** Schools with a valid combined result of their own. */
  satisfactionSchools: number;
}

export interface SchoolRef {
  schoolId: string;
  code: string;
  name: string;
  type: SchoolType;
}

export interface DashboardData {
  year: number;
  years: number[];
  /** The quarter shown beside the year: the current one, or Q4 of a past year. */
  quarter: Quarter;
  schools: number;
  yearKpis: YearKpis;
  /**
   * Findings filed under the year and not closed (open, or answered and waiting for the evaluator),
   * of the schools in scope — counted by the findings list it links to (/review/findings?status=open&year=).
   */
  openFindings: number;
  quarterKpis: Kpis;
  trend: ({ quarter: Quarter } & Kpis)[];
  zones: { id: string | null; name: string | null; schools: number; coverage: number | null; timeliness: number | null; satisfaction: number | null; composite: number | null }[];
  ranking: { state: RankingState; version: number | null; source: 'snapshot' | 'live' };
  distribution: { from: number; to: number; count: number; schools: SchoolRef[] }[];
  top: (SchoolRef & { composite: number; rank: number | null; eligible: boolean })[];
  bottom: (SchoolRef & { composite: number; rank: number | null; eligible: boolean })[];
  movement: (SchoolRef & Movement)[];
  /** Last year's ranking state (null: no figures for last year). */
  previous: { year: number; state: RankingState } | null;
}

function reportFacts(s: SchoolYearFacts): ReportFact[] {
  return s.reports.map((r) => ({ quarter: r.quarter, state: r.state, submittedAt: r.submittedAt }));
}

/**
 * §4 report figures summed over schools (DHIS2: counts added, never percentages averaged). Only
 * the reports already due are expected (§4: a period in progress); the others are counted apart.
 */
export function reportKpis(f: YearFacts, list: readonly SchoolYearFacts[], quarters: readonly Quarter[]): Pick<Kpis, 'reportCompleteness' | 'reportOnTime' | 'reportsNotYetDue'> {
  const due = dueReportQuarters(f.year, f.today, f.settings.reportDueDays, quarters);
  let expected = 0;
  let submitted = 0;
  let onTime = 0;
  for (const s of list) {
    const r = reportFigures(reportFacts(s), f.year, f.settings.reportDueDays, due);
    expected += r.expected;
    submitted += r.submitted;
    onTime += r.onTime;
  }
  return { reportCompleteness: percent(submitted, expected), reportOnTime: percent(onTime, expected), reportsNotYetDue: list.length * (quarters.length - due.length) };
}

/** The dashboard's KPIs of the district over some quarters (also quoted by the district documents, issue 17). */
export function kpisOf(f: YearFacts, quarters: readonly Quarter[], reportQuarters: readonly Quarter[]): Kpis {
  const figures = rollUp(f.schools.flatMap((s) => quarters.map((q) => s.tallies[q])));
  const inProgress = quarters.some((q) => periodInProgress({ year: f.year, quarter: q }, f.today));
  return { coverage: figures.coverage, timeliness: figures.timeliness, ...reportKpis(f, f.schools, reportQuarters), inProgress, notYetDue: figures.tally.notYetDue };
}

/** §4: the 满意率 of a set of schools (a zone, the district): pooled responses, one function. */
export function satisfactionOf(f: YearFacts, list: readonly SchoolYearFacts[]): number | null {
  return pooledSatisfaction(
    list.map((s) => s.surveyAggregates),
    { minResponses: f.settings.minResponses },
  ).combined;
}

function ref(r: RankingRow): SchoolRef {
  return { schoolId: r.schoolId, code: r.code, name: r.name, type: r.type };
}

/** Leaders: the dashboard of a year, read from the fact store (issue 15). */
export async function leaderDashboard(scope: Scope, year: number): Promise<DashboardData> {
  return inDistrict(scope, ['leader'], async (tx, s) => {
    const day: LocalDate = today();
    // Everything is asked for at once (the queries of one transaction go out together): the
    // district's years, this year's facts (KPIs, trends, zones) and its ranking view, the open
    // findings, and last year's ranking (rank movement only: the snapshot in force or the live
    // ranking) — the latter used only when the district has a checklist for last year.
    const facts = loadYearFacts(tx, s.districtId, year, day);
    const [years, loaded, view, openFindings, previousYear] = await Promise.all([
      yearsOfDistrict(tx, s.districtId),
      facts,
      facts.then((f) => loadRankingView(tx, s.districtId, year, { facts: f })),
      countFindingsTx(tx, s, { filter: 'open', year }),
      rankingInForce(tx, s.districtId, year - 1, day),
    ]);
    return { ...assemble(loaded, years, view, years.includes(year - 1) ? previousYear : null, day), openFindings };
  });
}

type View = Awaited<ReturnType<typeof loadRankingView>>;
type Previous = Awaited<ReturnType<typeof rankingInForce>>;

function assemble(f: YearFacts, years: number[], view: View, previous: Previous | null, day: LocalDate): DashboardData {
  const started = QUARTERS.filter((q) => quarterStart({ year: f.year, quarter: q }) <= day);
  const quarter = started[started.length - 1] ?? 1;
  const rows = view.ranking.rows;
  const byId = new Map(rows.map((r) => [r.schoolId, r]));
  const satisfaction = f.schools.map((s) => s.satisfaction.combined);
  const zoneKeys: (string | null)[] = [...f.zones.map((z) => z.id), ...(f.schools.some((s) => !s.school.zoneId) ? [null] : [])];
  const { top, bottom } = topAndBottom(rows, 10);
  const placed = (r: RankingRow) => ({ ...ref(r), composite: r.composite, rank: r.rank, eligible: r.eligible });
  return {
    year: f.year,
    years,
    quarter,
    schools: f.schools.length,
    yearKpis: {
      ...kpisOf(f, QUARTERS, QUARTERS),
      satisfaction: satisfactionOf(f, f.schools),
      satisfactionSchools: satisfaction.filter((x) => x !== null).length,
    },
    openFindings: 0, // counted per request by leaderDashboard (the findings list's own condition)
    quarterKpis: kpisOf(f, [quarter], [quarter]),
    trend: started.map((q) => ({ quarter: q, ...kpisOf(f, [q], [q]) })),
    zones: zoneKeys.map((id) => {
      const members = f.schools.filter((s) => s.school.zoneId === id);
      const figures = rollUp(members.flatMap((s) => QUARTERS.map((q) => s.tallies[q])));
      return {
        id,
        name: id === null ? null : (f.zones.find((z) => z.id === id)?.name ?? null),
        schools: members.length,
        coverage: figures.coverage,
        timeliness: figures.timeliness,
        satisfaction: satisfactionOf(f, members),
        composite: meanOf(members.map((s) => byId.get(s.school.id)?.composite ?? null)),
      };
    }),
    ranking: { state: view.state, version: view.snapshot?.version ?? null, source: view.source },
    distribution: compositeDistribution(rows).map((b) => ({ from: b.from, to: b.to, count: b.count, schools: b.schoolIds.map((id) => ref(byId.get(id)!)) })),
    top: top.map(placed),
    bottom: bottom.map(placed),
    movement: rankMovement(rows, previous?.ranking.rows ?? []).map((m) => ({ ...ref(byId.get(m.schoolId)!), ...m })),
    previous: previous ? { year: previous.year, state: previous.state } : null,
  };
}
