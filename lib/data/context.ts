// Runs data access inside the caller's district under row-level security (DESIGN §1), and gives
// "today" in Asia/Shanghai from the (overridable) clock.
import { withDistrict, type Tx } from '@/db/client';
import { localDateOf } from '@/lib/domain/dates';
import { currentQuarter } from '@/lib/domain/periods';
import type { LocalDate, QuarterRef } from '@/lib/domain/types';
import { now } from '@/lib/env';
import { AppError, requireDistrict, requireRole, type DistrictScope, type Scope } from './scope';
import type { Role } from '@/lib/domain/types';

export function today(): LocalDate {
  return localDateOf(now());
}

export function thisQuarter(): QuarterRef {
  return currentQuarter(now());
}

/** Checks the role, then runs `fn` in a transaction limited by RLS to the caller's district. */
export async function inDistrict<T>(scope: Scope, roles: readonly Role[], fn: (tx: Tx, scope: DistrictScope) => Promise<T>): Promise<T> {
  requireRole(scope, roles);
  const s = requireDistrict(scope);
  return withDistrict(s.districtId, (tx) => fn(tx, s));
}

export function notFound(): never {
  throw new AppError('notFound');
}
