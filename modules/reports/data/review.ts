// The evaluator's review queue for a quarter (DESIGN §3–§5): every school in scope with its report
// state and figures, overdue reports first, and the DHIS2-style report figures per zone and for
// the district. Built on the school table, so its figures equal the matrix, export and API.
import { rollUp, type RollUpFigures } from '@/modules/obligations/domain/metrics';
import { compareQueueRows, countReports, isReportOverdue, reportRollUp, type ReportRollUp } from '@/modules/reports/domain/review-queue';
import type { QuarterRef, ReportState, SchoolType } from '@/core/domain/types';
import { periodInProgress } from '@/core/domain/periods';
import { inDistrict } from '@/core/context';
import { loadSchoolTable, type SchoolTableRow } from '@/modules/dashboard/data/school-table';
import type { Scope } from '@/core/scope';

export type QueueStateFilter = ReportState | 'none' | 'overdue';

export interface QueueFilters {
  zoneId?: string | null;
  type?: SchoolType | null;
  state?: QueueStateFilter | null;
}

export interface QueueRow {
  schoolId: string;
  code: string;
  name: string;
  type: SchoolType;
  zoneId: string | null;
  zone: string | null;
  reportId: string | null;
  state: ReportState | 'none';
  submittedAt: Date | null;
  onTime: boolean | null;
  overdue: boolean;
  score: number | null;
  figures: RollUpFigures;
}

export interface QueueGroup {
  key: string;
  name: string | null;
  reports: ReportRollUp;
  figures: RollUpFigures;
}

function queueRow(r: SchoolTableRow, overdue: boolean): QueueRow {
  return {
    schoolId: r.schoolId,
    code: r.code,
    name: r.name,
    type: r.type,
    zoneId: r.zoneId,
    zone: r.zone,
    reportId: r.reportId,
    state: (r.reportState ?? 'none') as ReportState | 'none',
    submittedAt: r.submittedAt,
    onTime: typeof r.reportOnTime === 'boolean' ? r.reportOnTime && r.submittedAt !== null : null,
    overdue,
    score: r.evaluatorScore,
    figures: rollUp([r.tally]),
  };
}

/** `due`: the quarter's report due date is before today (§4: else the reports are 未到期, in no rate). */
function group(key: string, name: string | null, rows: readonly QueueRow[], due: boolean): QueueGroup {
  return {
    key,
    name,
    reports: reportRollUp([countReports(rows.map((r) => ({ submittedAt: r.submittedAt, onTime: r.onTime === true, due })))]),
    figures: rollUp(rows.map((r) => r.figures.tally)),
  };
}

/** Evaluators (and leaders, read-only): the queue of a quarter with figures per zone and district. */
export async function reviewQueue(scope: Scope, q: QuarterRef, filters: QueueFilters = {}) {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => {
    const table = await loadSchoolTable(tx, s, { year: q.year, quarter: q.quarter }, { zoneId: filters.zoneId, type: filters.type });
    const due = table.reportDue!;
    const reportsDue = due < table.today;
    const all = table.rows.map((r) => queueRow(r, isReportOverdue(r.submittedAt, due, table.today)));
    all.sort(compareQueueRows);
    // Figures cover the zone/type selection; the state filter only narrows the list below them.
    const byZone = table.zones
      .map((z) =>
        group(
          z.id,
          z.name,
          all.filter((r) => r.zoneId === z.id),
          reportsDue,
        ),
      )
      .filter((g) => g.reports.expected + g.reports.notYetDue > 0);
    const noZone = all.filter((r) => r.zoneId === null);
    if (noZone.length) byZone.push(group('none', null, noZone, reportsDue));
    const st = filters.state;
    const rows = st ? all.filter((r) => (st === 'overdue' ? r.overdue : r.state === st)) : all;
    return {
      quarter: q,
      due,
      today: table.today,
      rows,
      zoneOptions: table.zones,
      /** Names of the evaluator's assigned zones, or null for the whole district. */
      zones: s.zoneIds ? table.zones.map((z) => z.name) : null,
      byZone,
      totals: group('district', null, all, reportsDue),
      /** §4: the quarter is in progress (not ended yet): its rates count only what is already due. */
      inProgress: periodInProgress({ year: q.year, quarter: q.quarter }, table.today),
      overdueCount: all.filter((r) => r.overdue).length,
    };
  });
}
