// Quarterly reports in scope (read side used by the homes and the review queue).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { quarterlyReports, reportTransitions, schools, users, type QuarterlyReport } from '@/db/schema';
import type { Quarter } from '@/core/domain/types';
import { coversSchool, type DistrictScope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';

export async function reportsForQuarter(tx: Tx, districtId: string, schoolIds: readonly string[], year: number, quarter: Quarter): Promise<Map<string, QuarterlyReport>> {
  if (schoolIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(quarterlyReports)
    .where(and(eq(quarterlyReports.districtId, districtId), eq(quarterlyReports.year, year), eq(quarterlyReports.quarter, quarter), inArray(quarterlyReports.schoolId, [...schoolIds])));
  return new Map(rows.map((r) => [r.schoolId, r]));
}

/**
 * A report with its school, or 404 when it does not exist or lies outside the caller's scope.
 * `lock`: the report row is locked (FOR UPDATE) until the transaction ends, so a check of its
 * state cannot be overtaken by a concurrent transition (e.g. a score saved on a report approved
 * meanwhile).
 */
export async function reportInScope(tx: Tx, scope: DistrictScope, reportId: string, lock = false) {
  if (!isUuid(reportId)) throw new AppError('notFound');
  const query = tx
    .select({ report: quarterlyReports, school: schools })
    .from(quarterlyReports)
    .innerJoin(schools, eq(schools.id, quarterlyReports.schoolId))
    .where(and(eq(quarterlyReports.id, reportId), eq(quarterlyReports.districtId, scope.districtId)));
  const [row] = lock ? await query.for('update', { of: quarterlyReports }) : await query;
  if (!row || !coversSchool(scope, row.school)) throw new AppError('notFound');
  return row;
}

export async function transitionsOf(tx: Tx, reportId: string) {
  return tx
    .select({ id: reportTransitions.id, from: reportTransitions.fromState, to: reportTransitions.toState, at: reportTransitions.at, reason: reportTransitions.reason, actor: users.displayName })
    .from(reportTransitions)
    .leftJoin(users, eq(users.id, reportTransitions.actorId))
    .where(eq(reportTransitions.reportId, reportId))
    .orderBy(asc(reportTransitions.at));
}
