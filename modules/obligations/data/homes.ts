// The data behind each role's home page. Every figure comes from lib/domain.
import { asc, count, sql } from 'drizzle-orm';
import { withDistrict } from '@/db/client';
import { districts, schools, users, zones } from '@/db/schema';
import { coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { reportDueDate } from '@/core/domain/periods';
import type { CoverageTally, QuarterRef } from '@/core/domain/types';
import { inDistrict, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { quarterResults } from './results';
import { reportInScope, reportsForQuarter, transitionsOf } from '@/modules/reports/data/reports';
import { schoolInScope } from '@/modules/org/data/schools';
import { loadSettings } from '@/modules/org/data/settings';
import { requireRole, type Scope } from '@/core/scope';

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

// The evaluator's queue moved to ./review.ts (issue 4); re-exported for existing callers.
export { reviewQueue, type QueueRow } from '@/modules/reports/data/review';

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

// The leader's district overview moved to ./dashboard.ts (issue 6).

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
