// The data behind each role's home page. Every figure comes from lib/domain.
import { asc, count, sql } from 'drizzle-orm';
import { withDistrict } from '@/db/client';
import { districts, schools, users, zones } from '@/db/schema';
import { addTallies, coverage, percent, tally, timeliness } from '@/lib/domain/metrics';
import { QUARTERS, isReportOnTime, reportDueDate } from '@/lib/domain/periods';
import type { CoverageTally, ObligationResult, QuarterRef, ReportState } from '@/lib/domain/types';
import { inDistrict, notFound, today } from './context';
import { quarterResults } from './obligations';
import { reportInScope, reportsForQuarter, transitionsOf } from './reports';
import { schoolInScope, schoolsInScope, zonesOfDistrict } from './schools';
import { loadSettings } from './settings';
import { requireRole, type Scope } from './scope';

export interface Figures {
  tally: CoverageTally;
  coverage: number | null;
  timeliness: number | null;
}

function figures(t: CoverageTally): Figures {
  return { tally: t, coverage: coverage(t), timeliness: timeliness(t) };
}

/** Coordinator: the school's obligations of one quarter with statuses, and the report state. */
export async function coordinatorQuarter(scope: Scope, q: QuarterRef) {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    if (!s.schoolId) notFound();
    const school = await schoolInScope(tx, s, s.schoolId);
    const settings = await loadSettings(tx, s.districtId, q.year);
    const day = today();
    const { items, bySchool } = await quarterResults(tx, s.districtId, [school.id], q.year, q.quarter, day);
    const results = bySchool.get(school.id) ?? [];
    const report = (await reportsForQuarter(tx, s.districtId, [school.id], q.year, q.quarter)).get(school.id) ?? null;
    return {
      school,
      today: day,
      items: new Map(items.map((i) => [i.id, i])),
      results,
      figures: figures(tally(results)),
      report: report ? { id: report.id, state: report.state, submittedAt: report.submittedAt } : null,
      reportDue: reportDueDate(q, settings.reportDueDays),
    };
  });
}

export interface QueueRow {
  schoolId: string;
  code: string;
  name: string;
  type: string;
  zone: string | null;
  reportId: string | null;
  state: ReportState | 'none';
  submittedAt: Date | null;
  onTime: boolean | null;
  overdue: boolean;
  figures: Figures;
}

/** Evaluator: every school in scope with its report state and figures for the quarter. */
export async function reviewQueue(scope: Scope, q: QuarterRef) {
  return inDistrict(scope, ['evaluator', 'leader'], async (tx, s) => {
    const [list, zoneRows, settings] = await Promise.all([schoolsInScope(tx, s), zonesOfDistrict(tx, s.districtId), loadSettings(tx, s.districtId, q.year)]);
    const ids = list.map((x) => x.id);
    const day = today();
    const [{ bySchool }, reports] = await Promise.all([
      quarterResults(tx, s.districtId, ids, q.year, q.quarter, day),
      reportsForQuarter(tx, s.districtId, ids, q.year, q.quarter),
    ]);
    const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
    const due = reportDueDate(q, settings.reportDueDays);
    const rows: QueueRow[] = list.map((school) => {
      const r = reports.get(school.id);
      const submittedAt = r?.submittedAt ?? null;
      const submitted = submittedAt !== null;
      return {
        schoolId: school.id,
        code: school.code,
        name: school.name,
        type: school.type,
        zone: school.zoneId ? (zoneName.get(school.zoneId) ?? null) : null,
        reportId: r?.id ?? null,
        state: r?.state ?? 'none',
        submittedAt,
        onTime: submitted ? isReportOnTime(submittedAt, q, settings.reportDueDays) : null,
        overdue: !submitted && day > due,
        figures: figures(tally(bySchool.get(school.id) ?? [])),
      };
    });
    rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.code.localeCompare(b.code));
    const expected = rows.length;
    const submitted = rows.filter((r) => r.submittedAt).length;
    const onTime = rows.filter((r) => r.onTime).length;
    return {
      rows,
      due,
      zones: s.zoneIds ? zoneRows.filter((z) => s.zoneIds!.includes(z.id)).map((z) => z.name) : null,
      totals: {
        expected,
        submitted,
        onTime,
        completeness: percent(submitted, expected),
        onTimeRate: percent(onTime, expected),
        figures: figures(addTallies(...rows.map((r) => r.figures.tally))),
      },
    };
  });
}

/** One report with its obligations (evaluators, leaders, and the school's own coordinator). */
export async function reportView(scope: Scope, reportId: string) {
  return inDistrict(scope, ['evaluator', 'leader', 'coordinator'], async (tx, s) => {
    const { report, school } = await reportInScope(tx, s, reportId);
    const { items, bySchool } = await quarterResults(tx, s.districtId, [school.id], report.year, report.quarter as QuarterRef['quarter'], today());
    const results = bySchool.get(school.id) ?? [];
    return {
      report,
      school,
      items: new Map(items.map((i) => [i.id, i])),
      results,
      figures: figures(tally(results)),
      transitions: await transitionsOf(tx, report.id),
    };
  });
}

/** Leader: district and zone figures for the quarter and for the year so far. */
export async function districtOverview(scope: Scope, q: QuarterRef) {
  return inDistrict(scope, ['leader', 'evaluator', 'districtAdmin'], async (tx, s) => {
    const [list, zoneRows] = await Promise.all([schoolsInScope(tx, s), zonesOfDistrict(tx, s.districtId)]);
    const ids = list.map((x) => x.id);
    const day = today();
    const quarters = QUARTERS.filter((n) => n <= q.quarter);
    const perQuarter = await Promise.all(quarters.map((n) => quarterResults(tx, s.districtId, ids, q.year, n, day)));
    const reportMaps = await Promise.all(quarters.map((n) => reportsForQuarter(tx, s.districtId, ids, q.year, n)));
    const zoneOf = new Map(list.map((x) => [x.id, x.zoneId]));
    const schoolTally = (results: Map<string, ObligationResult[]>, id: string) => tally(results.get(id) ?? []);
    const current = perQuarter[perQuarter.length - 1]!.bySchool;
    const zoneFigures = zoneRows.map((z) => {
      const members = ids.filter((id) => zoneOf.get(id) === z.id);
      const reports = reportMaps[reportMaps.length - 1]!;
      const submitted = members.filter((id) => reports.get(id)?.submittedAt).length;
      return {
        zone: z.name,
        schools: members.length,
        quarter: figures(addTallies(...members.map((id) => schoolTally(current, id)))),
        year: figures(addTallies(...members.flatMap((id) => perQuarter.map((p) => schoolTally(p.bySchool, id))))),
        reportCompleteness: percent(submitted, members.length),
      };
    });
    const submittedNow = ids.filter((id) => reportMaps[reportMaps.length - 1]!.get(id)?.submittedAt).length;
    return {
      schools: ids.length,
      quarter: figures(addTallies(...ids.map((id) => schoolTally(current, id)))),
      year: figures(addTallies(...ids.flatMap((id) => perQuarter.map((p) => schoolTally(p.bySchool, id))))),
      reportCompleteness: percent(submittedNow, ids.length),
      zones: zoneFigures,
    };
  });
}

/** Platform admin: all districts with school and user counts. */
export async function platformDistricts(scope: Scope) {
  requireRole(scope, ['platformAdmin']);
  return withDistrict('*', async (tx) => {
    const list = await tx.select().from(districts).orderBy(asc(districts.code));
    const schoolCounts = await tx.select({ districtId: schools.districtId, n: count() }).from(schools).groupBy(schools.districtId);
    const userCounts = await tx
      .select({ districtId: users.districtId, n: count() })
      .from(users)
      .where(sql`${users.districtId} is not null`)
      .groupBy(users.districtId);
    const zoneCounts = await tx.select({ districtId: zones.districtId, n: count() }).from(zones).groupBy(zones.districtId);
    const by = (rows: { districtId: string | null; n: number }[]) => new Map(rows.map((r) => [r.districtId, Number(r.n)]));
    const sc = by(schoolCounts);
    const uc = by(userCounts);
    const zc = by(zoneCounts);
    return list.map((d) => ({ ...d, schools: sc.get(d.id) ?? 0, users: uc.get(d.id) ?? 0, zones: zc.get(d.id) ?? 0 }));
  });
}

