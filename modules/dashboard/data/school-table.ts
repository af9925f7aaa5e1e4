// The quarter's (or year's) school table: one row per school in scope with its obligations, met,
// on time, coverage, timeliness, report state, report on time and evaluator score (DESIGN §4).
// This is the ONE computation behind the review queue, the coverage matrix, the XLSX export and
// the read API (/api/v1/metrics/schools), so their figures agree exactly. Read from the fact
// store (issue 15) in a fixed number of queries; nothing is cached per process.
import type { Tx } from '@/db/client';
import type { School } from '@/db/schema';
import { addTallies, coverage, timeliness } from '@/modules/obligations/domain/metrics';
import { isReportOnTime, periodInProgress, QUARTERS, reportDueDate } from '@/core/domain/periods';
import { dueReportQuarters, reportFigures } from '@/modules/reports/domain/reports';
import { yearScore } from '@/modules/reports/domain/scores';
import type { ChecklistItem, CoverageTally, LocalDate, ObligationResult, Quarter, ReportState, SchoolType } from '@/core/domain/types';
import { inDistrict, today } from '@/core/context';
import { checklistsOf } from '@/modules/facts/data/compute';
import { readPeriods, readResults } from '@/modules/facts/data/read';
import { schoolsInScope, zonesOfDistrict } from '@/modules/org/data/schools';
import { loadSettings } from '@/modules/org/data/settings';
import type { DistrictScope, Scope } from '@/core/scope';

/** A quarter, or the whole year when `quarter` is null. */
export interface Period {
  year: number;
  quarter: Quarter | null;
}

export interface SchoolFilters {
  zoneId?: string | null;
  type?: SchoolType | null;
}

export interface QuarterReportCell {
  id: string;
  state: ReportState;
  submittedAt: Date | null;
  score: number | null;
}

export interface SchoolTableRow {
  schoolId: string;
  code: string;
  name: string;
  zoneId: string | null;
  zone: string | null;
  type: SchoolType;
  tally: CoverageTally;
  /** The sums of each quarter of the period. */
  tallies: Partial<Record<Quarter, CoverageTally>>;
  coverage: number | null;
  timeliness: number | null;
  /** Quarter: the report's state ('none' = no report row yet). Year: null. */
  reportState: ReportState | 'none' | null;
  reportId: string | null;
  /** Quarter: first submission. Year: null. */
  submittedAt: Date | null;
  /**
   * §4 report on time. Quarter: true/false, or null while not submitted and not yet due.
   * Year: reports on time / 4 × 100.
   */
  reportOnTime: boolean | number | null;
  /** §4 evaluator score: the quarter's rubric total once approved, or the mean of the scored quarters. */
  evaluatorScore: number | null;
  /** The reports of the period by quarter (one for a quarter, up to four for a year). */
  reports: Partial<Record<Quarter, QuarterReportCell>>;
  /** The obligation results of the period, when loaded withResults (else null). */
  results: ObligationResult[] | null;
}

export interface SchoolTable {
  period: Period;
  today: LocalDate;
  /** Every item that has obligations in the period (union over checklist versions), in list order. */
  items: ChecklistItem[];
  /** §3 report due date of the quarter (null for a year). */
  reportDue: LocalDate | null;
  /** §4: the period has not ended: labelled in progress, its rates count only what is due. */
  inProgress: boolean;
  zones: { id: string; name: string }[];
  rows: SchoolTableRow[];
}

function filterSchools(list: School[], f: SchoolFilters): School[] {
  return list.filter((x) => (!f.zoneId || x.zoneId === f.zoneId) && (!f.type || x.type === f.type));
}

export interface TableOptions {
  /** The schools (already scope-checked) instead of every school in scope. */
  only?: School[];
  /** Also each school's obligation results (the matrix, one school's documents). */
  withResults?: boolean;
}

/**
 * Inside a scoped transaction: the table for the given schools (or every school in scope), read
 * from the fact store (modules/facts): the §4 sums and the report of each school and quarter; the
 * obligation results only when asked for. What depends on the day (report on time, overdue) is
 * derived here from the stored dates.
 */
export async function loadSchoolTable(tx: Tx, s: DistrictScope, period: Period, filters: SchoolFilters = {}, opts: TableOptions = {}): Promise<SchoolTable> {
  const day = today();
  const quarters = period.quarter ? [period.quarter] : [...QUARTERS];
  const [inScope, zoneRows, settings] = await Promise.all([
    opts.only ? Promise.resolve(opts.only) : schoolsInScope(tx, s),
    zonesOfDistrict(tx, s.districtId),
    loadSettings(tx, s.districtId, period.year),
  ]);
  const list = filterSchools(inScope, filters);
  const ids = list.map((x) => x.id);
  const [checklists, periods, results] = await Promise.all([
    checklistsOf(tx, s.districtId, period.year, quarters),
    readPeriods(tx, s.districtId, ids, period.year, quarters, day),
    opts.withResults ? readResults(tx, s.districtId, ids, period.year, quarters, day) : Promise.resolve(null),
  ]);
  // Items: union by code over the quarters' checklist versions, first version's order wins.
  const items = new Map<string, ChecklistItem>();
  for (const c of checklists) for (const it of c.items) if (!items.has(it.code)) items.set(it.code, it);
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
  const due = period.quarter ? reportDueDate({ year: period.year, quarter: period.quarter }, settings.reportDueDays) : null;
  // §4: a year in progress expects only the reports already due (the same quarters for every school).
  const dueQuarters = period.quarter ? [] : dueReportQuarters(period.year, day, settings.reportDueDays);

  const rows = list.map((school): SchoolTableRow => {
    const own = periods.get(school.id)!;
    const tallies: Partial<Record<Quarter, CoverageTally>> = {};
    const reports: Partial<Record<Quarter, QuarterReportCell>> = {};
    for (const q of quarters) {
      const p = own.get(q)!;
      tallies[q] = p.tally;
      // §4, §6 decision: a report's score counts once it is approved (approvedScore).
      if (p.report) reports[q] = { ...p.report, score: p.report.state === 'approved' ? p.report.score : null };
    }
    const t = addTallies(...quarters.map((q) => tallies[q]!));
    const base = {
      schoolId: school.id,
      code: school.code,
      name: school.name,
      zoneId: school.zoneId,
      zone: school.zoneId ? (zoneName.get(school.zoneId) ?? null) : null,
      type: school.type,
      tally: t,
      tallies,
      coverage: coverage(t),
      timeliness: timeliness(t),
      reports,
      results: results?.bySchool.get(school.id) ?? null,
    };
    if (period.quarter) {
      const q = period.quarter;
      const r = reports[q];
      const submittedAt = r?.submittedAt ?? null;
      const onTime = submittedAt ? isReportOnTime(submittedAt, { year: period.year, quarter: q }, settings.reportDueDays) : due !== null && day > due ? false : null;
      return { ...base, reportState: r?.state ?? 'none', reportId: r?.id ?? null, submittedAt, reportOnTime: onTime, evaluatorScore: r?.score ?? null };
    }
    const facts = QUARTERS.flatMap((q) => (reports[q] ? [{ quarter: q, state: reports[q]!.state, submittedAt: reports[q]!.submittedAt }] : []));
    const figures = reportFigures(facts, period.year, settings.reportDueDays, dueQuarters);
    return {
      ...base,
      reportState: null,
      reportId: null,
      submittedAt: null,
      reportOnTime: figures.onTimeRate,
      evaluatorScore: yearScore(QUARTERS.map((q) => reports[q]?.score ?? null)),
    };
  });

  const visibleZones = zoneRows.filter((z) => !s.zoneIds || s.zoneIds.includes(z.id)).map((z) => ({ id: z.id, name: z.name }));
  return { period, today: day, items: [...items.values()], reportDue: due, inProgress: periodInProgress(period, day), zones: visibleZones, rows };
}

/** Evaluators and leaders: the school table of a quarter or a year (schools in scope). */
export async function schoolTable(scope: Scope, period: Period, filters: SchoolFilters = {}): Promise<SchoolTable> {
  return inDistrict(scope, ['evaluator', 'leader'], (tx, s) => loadSchoolTable(tx, s, period, filters));
}
