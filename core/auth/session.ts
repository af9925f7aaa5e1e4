// The ONE place where a request's caller is resolved: session cookie (next-auth JWT) or API
// token → the user's row (role, district, school, zones, read fresh on every request) → a Scope.
// Every path uses it — pages (requirePageScope), server actions and route handlers (core/guard.ts),
// evidence files — so a rule such as "must change password first" holds everywhere at once.
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '@/core/domain/types';
import type { Scope } from '@/core/scope';
import { authOptions } from './options';
import { scopeFromToken } from './tokens';
import { loadScope } from './users';

/** The signed-in user of this request (session cookie), even one who must still change the password. */
export const currentUser = cache(async (): Promise<Scope | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string } | null;
  if (!session?.uid) return null;
  return loadScope(session.uid);
});

/** A caller may act only once a temporary or reset password has been replaced. */
function usable(scope: Scope | null): Scope | null {
  return scope && !scope.mustChangePassword ? scope : null;
}

/** The caller's scope from the session cookie: null when signed out, disabled, or before the password change. */
export const getScope = cache(async (): Promise<Scope | null> => usable(await currentUser()));

/**
 * The caller's scope for a route handler: an `Authorization: Bearer` token when the request sends
 * one (a malformed or unknown token is null, never a fall-back to the cookie), else the session.
 */
export async function requestScope(req: Request, opts: { tokens: boolean }): Promise<Scope | null> {
  const header = opts.tokens ? req.headers.get('authorization') : null;
  if (header !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return usable(m ? await scopeFromToken(m[1]!) : null);
  }
  return getScope();
}

/** For pages: signed in (else to /login), password changed (else to /account/password), and one of `roles` (else 404). */
export async function requirePageScope(roles: readonly Role[]): Promise<Scope> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword) redirect('/account/password');
  if (!roles.includes(user.role)) notFound();
  return user;
}

export const ROLE_HOME: Record<Role, string> = {
  coordinator: '/school',
  evaluator: '/review',
  leader: '/overview',
  districtAdmin: '/admin',
  platformAdmin: '/platform',
};
