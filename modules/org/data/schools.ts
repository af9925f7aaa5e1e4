// Schools visible to a scope: the district's, limited to assigned zones or to the coordinator's school.
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { schools, zones, type School, type Zone } from '@/db/schema';
import { coversSchool, type DistrictScope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';

export function schoolScopeFilter(scope: DistrictScope): SQL {
  const conds: SQL[] = [eq(schools.districtId, scope.districtId)];
  if (scope.role === 'coordinator') conds.push(eq(schools.id, scope.schoolId ?? '00000000-0000-0000-0000-000000000000'));
  else if (scope.zoneIds) conds.push(inArray(schools.zoneId, scope.zoneIds));
  return and(...conds)!;
}

export async function schoolsInScope(tx: Tx, scope: DistrictScope, opts: { activeOnly?: boolean } = {}): Promise<School[]> {
  const rows = await tx.select().from(schools).where(schoolScopeFilter(scope)).orderBy(asc(schools.code));
  return opts.activeOnly === false ? rows : rows.filter((s) => s.active);
}

/** One school, or a 404 when it does not exist or lies outside the caller's scope. */
export async function schoolInScope(tx: Tx, scope: DistrictScope, schoolId: string): Promise<School> {
  if (!isUuid(schoolId)) throw new AppError('notFound');
  const [s] = await tx
    .select()
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.districtId, scope.districtId)));
  if (!s || !coversSchool(scope, s)) throw new AppError('notFound');
  return s;
}

export async function zonesOfDistrict(tx: Tx, districtId: string): Promise<Zone[]> {
  return tx.select().from(zones).where(eq(zones.districtId, districtId)).orderBy(asc(zones.sortOrder), asc(zones.code));
}
