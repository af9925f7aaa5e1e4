// Resolves the caller's scope for a request: session user id → database row (role, district,
// school, zones). Server-only.
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { now } from '@/core/env';
import type { Role } from '@/core/domain/types';
import type { DistrictScope, Scope } from '@/core/scope';
import { authOptions } from './options';
import { sessionEnded, sessionRefusal, type SessionClaims } from './session-validity';
import { accountOf } from './users';

export const getScope = cache(async (): Promise<Scope | null> => {
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  if (typeof session?.uid !== 'string') return null;
  const account = await accountOf(session.uid);
  // Issue 13: a revoked or expired session resolves to no caller; a pending password change is
  // carried as scope.mustChangePassword (only the password page accepts it).
  if (!account || sessionEnded(sessionRefusal(session, account.session, now()))) return null;
  return account.scope;
});

/** For pages: signed in (else to /login), password changed, and one of `roles` (else 404). */
export async function requirePageScope(roles: readonly Role[]): Promise<Scope> {
  const scope = await getScope();
  if (!scope) redirect('/login');
  if (scope.mustChangePassword) redirect('/account/password');
  if (!roles.includes(scope.role)) notFound();
  return scope;
}

export async function requireDistrictPageScope(roles: readonly Role[]): Promise<DistrictScope> {
  const scope = await requirePageScope(roles);
  if (!scope.districtId) notFound();
  return scope as DistrictScope;
}

export const ROLE_HOME: Record<Role, string> = {
  coordinator: '/school',
  evaluator: '/review',
  leader: '/overview',
  districtAdmin: '/admin',
  platformAdmin: '/platform',
};
