// The caller's scope, resolved once per request from the session and the database (never from
// what the client sent). Every data function takes it and enforces it (DESIGN §1).
import type { Role } from './domain/types';
import { AppError } from './errors';

export interface Scope {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Null only for platform admins. */
  districtId: string | null;
  /** Coordinators: their one school. */
  schoolId: string | null;
  /** Evaluators limited to zones; null = the whole district. */
  zoneIds: string[] | null;
  mustChangePassword: boolean;
}

export type DistrictScope = Scope & { districtId: string };

export function requireRole(scope: Scope, roles: readonly Role[]): void {
  if (!roles.includes(scope.role)) throw new AppError('forbidden');
}

export function requireDistrict(scope: Scope): DistrictScope {
  if (!scope.districtId) throw new AppError('forbidden');
  return scope as DistrictScope;
}

/** Whether a school (by its district and zone) lies within the caller's scope. */
export function coversSchool(scope: Scope, school: { id: string; districtId: string; zoneId: string | null }): boolean {
  if (scope.role === 'platformAdmin') return false; // platform admins do not read school data
  if (school.districtId !== scope.districtId) return false;
  if (scope.role === 'coordinator') return school.id === scope.schoolId;
  if (scope.zoneIds) return school.zoneId !== null && scope.zoneIds.includes(school.zoneId);
  return true;
}
