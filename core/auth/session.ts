// Resolves the caller's scope for a request: session user id → database row (role, district,
// school, zones). Server-only.
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { loadScope } from './users';
import type { Role } from '@/core/domain/types';
import type { DistrictScope, Scope } from '@/core/scope';
import { authOptions } from './options';

export const getScope = cache(async (): Promise<Scope | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string } | null;
  if (!session?.uid) return null;
  return loadScope(session.uid);
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
