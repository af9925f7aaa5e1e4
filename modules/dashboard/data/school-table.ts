// The quarter's (or year's) school table: one row per school in scope with its obligations, met,
// on time, coverage, timeliness, report state, report on time and evaluator score (DESIGN §4).
// This is the ONE computation behind the review queue, the coverage matrix, the XLSX export and
// the read API (/api/v1/metrics/schools), so their figures agree exactly. Fixed number of queries.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { evaluations, quarterlyReports, type School } from '@/db/schema';
import { coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { isReportOnTime, periodInProgress, QUARTERS, reportDueDate } from '@/core/domain/periods';
import { dueReportQuarters, reportFigures } from '@/modules/reports/domain/reports';
import { approvedScore, yearScore } from '@/modules/reports/domain/scores';
import type { ChecklistItem, CoverageTally, LocalDate, ObligationResult, Quarter, ReportState, SchoolType } from '@/core/domain/types';
import { inDistrict, today } from '@/core/context';
import { cached, cacheKey, changeStamp } from './school-table-cache';
import { periodResults } from '@/modules/obligations/data/results';
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
  results: ObligationResult[];
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

interface Core {
  items: ChecklistItem[];
  reportsBySchool: Map<string, Partial<Record<Quarter, QuarterReportCell>>>;
  results: Map<string, ObligationResult[]>;
}

/** The expensive, cacheable part: obligation results, reports and scores of the schools. */
async function loadCore(tx: Tx, districtId: string, ids: string[], period: Period, quarters: Quarter[], day: LocalDate): Promise<Core> {
  const [pr, reportRows] = await Promise.all([
    periodResults(tx, districtId, ids, period.year, quarters, day),
    ids.length === 0
      ? Promise.resolve([])
      : tx
          .select({
            // Only what the table shows: not the report's texts, nor the evaluation's comment and timestamps.
            report: { id: quarterlyReports.id, schoolId: quarterlyReports.schoolId, quarter: quarterlyReports.quarter, state: quarterlyReports.state, submittedAt: quarterlyReports.submittedAt },
            ev: { attention: evaluations.attention, content: evaluations.content, form: evaluations.form, procedure: evaluations.procedure, rules: evaluations.rules },
          })
          .from(quarterlyReports)
          .leftJoin(evaluations, and(eq(evaluations.reportId, quarterlyReports.id), eq(evaluations.districtId, districtId)))
          .where(
            and(
              eq(quarterlyReports.districtId, districtId),
              eq(quarterlyReports.year, period.year),
              period.quarter ? eq(quarterlyReports.quarter, period.quarter) : undefined,
              // The schools as one array parameter (see periodResults).
              sql`${quarterlyReports.schoolId} = any(${`{${ids.join(',')}}`}::uuid[])`,
            ),
          ),
  ]);
  // Items: union by code over the quarters' checklist versions, first version's order wins.
  const items = new Map<string, ChecklistItem>();
  for (const q of quarters) for (const it of pr.itemsByQuarter.get(q) ?? []) if (!items.has(it.code)) items.set(it.code, it);
  const reportsBySchool = new Map<string, Partial<Record<Quarter, QuarterReportCell>>>();
  for (const { report, ev } of reportRows) {
    const m = reportsBySchool.get(report.schoolId) ?? {};
    m[report.quarter as Quarter] = { id: report.id, state: report.state, submittedAt: report.submittedAt, score: approvedScore(report.state, ev) };
    reportsBySchool.set(report.schoolId, m);
  }
  return { items: [...items.values()], reportsBySchool, results: pr.bySchool };
}

/**
 * Inside a scoped transaction: the table for the given schools (or every school in scope).
 * Cached while the district's change stamp holds (school-table-cache.ts); the result is shared
 * between callers and must not be mutated.
 */
export async function loadSchoolTable(tx: Tx, s: DistrictScope, period: Period, filters: SchoolFilters = {}, only?: School[]): Promise<SchoolTable> {
  const stamp = await changeStamp(tx, s.districtId); // before the data: see school-table-cache.ts
  const day = today();
  const k = cacheKey({
    district: s.districtId,
    role: s.role,
    zones: s.zoneIds ?? ['*'],
    year: period.year,
    quarter: period.quarter,
    today: day,
    zone: filters.zoneId,
    type: filters.type,
    only: only?.map((x) => x.id) ?? ['*'],
  });
  return cached('table', k, stamp, () => buildSchoolTable(tx, s, period, filters, only, day, stamp));
}

async function buildSchoolTable(tx: Tx, s: DistrictScope, period: Period, filters: SchoolFilters, only: School[] | undefined, day: LocalDate, stamp: string): Promise<SchoolTable> {
  const [inScope, zoneRows, settings] = await Promise.all([only ? Promise.resolve(only) : schoolsInScope(tx, s), zonesOfDistrict(tx, s.districtId), loadSettings(tx, s.districtId, period.year)]);
  const list = filterSchools(inScope, filters);
  const quarters = period.quarter ? [period.quarter] : [...QUARTERS];
  // The heavy part covers every school in scope, so zone and type filters reuse it.
  const allIds = inScope.map((x) => x.id);
  const core = await cached('core', cacheKey({ district: s.districtId, year: period.year, quarters, today: day, ids: allIds }), stamp, () => loadCore(tx, s.districtId, allIds, period, quarters, day));
  const { items, reportsBySchool, results } = core;
  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
  const due = period.quarter ? reportDueDate({ year: period.year, quarter: period.quarter }, settings.reportDueDays) : null;

  const rows = list.map((school): SchoolTableRow => {
    const schoolResults = results.get(school.id) ?? [];
    const t = tally(schoolResults);
    const reports = reportsBySchool.get(school.id) ?? {};
    const base = {
      schoolId: school.id,
      code: school.code,
      name: school.name,
      zoneId: school.zoneId,
      zone: school.zoneId ? (zoneName.get(school.zoneId) ?? null) : null,
      type: school.type,
      tally: t,
      coverage: coverage(t),
      timeliness: timeliness(t),
      reports,
      results: schoolResults,
    };
    if (period.quarter) {
      const q = period.quarter;
      const r = reports[q];
      const submittedAt = r?.submittedAt ?? null;
      const onTime = submittedAt ? isReportOnTime(submittedAt, { year: period.year, quarter: q }, settings.reportDueDays) : due !== null && day > due ? false : null;
      return { ...base, reportState: r?.state ?? 'none', reportId: r?.id ?? null, submittedAt, reportOnTime: onTime, evaluatorScore: r?.score ?? null };
    }
    const facts = QUARTERS.flatMap((q) => (reports[q] ? [{ quarter: q, state: reports[q]!.state, submittedAt: reports[q]!.submittedAt }] : []));
    // §4: a year in progress expects only the reports already due.
    const figures = reportFigures(facts, period.year, settings.reportDueDays, dueReportQuarters(period.year, day, settings.reportDueDays));
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
  return { period, today: day, items, reportDue: due, inProgress: periodInProgress(period, day), zones: visibleZones, rows };
}

/** Evaluators and leaders: the school table of a quarter or a year (schools in scope). */
export async function schoolTable(scope: Scope, period: Period, filters: SchoolFilters = {}): Promise<SchoolTable> {
  return inDistrict(scope, ['evaluator', 'leader'], (tx, s) => loadSchoolTable(tx, s, period, filters));
}
