// The ONE place where a request's caller is resolved: session cookie (next-auth JWT) or API
// token → the user's row (role, district, school, zones, session version; read fresh on every
// request) → a Scope. Every path uses it — pages (requirePageScope), server actions and route
// handlers (core/guard.ts), evidence files — so rules such as "a revoked or expired session is no
// caller" (issue 13, core/auth/session-validity.ts) and "must change password first" hold
// everywhere at once.
import 'server-only';
import { cache } from 'react';
import { getToken } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { env, now } from '@/core/env';
import type { Role } from '@/core/domain/types';
import type { Scope } from '@/core/scope';
import { secureCookiesFor, sessionCookieName } from './cookies';
import { sessionEnded, sessionRefusal, type SessionClaims } from './session-validity';
import { scopeFromToken } from './tokens';
import { accountOf } from './users';

/**
 * The signed-in user of this request (session cookie), even one who must still change the
 * password; null when signed out, disabled, or when the session was revoked or has expired.
 */
export const currentUser = cache(async (): Promise<Scope | null> => {
  const session = await sessionClaims();
  if (typeof session?.uid !== 'string') return null;
  const account = await accountOf(session.uid);
  if (!account || sessionEnded(sessionRefusal(session, account.session, now()))) return null;
  return account.scope;
});

/**
 * The claims of the request's session cookie: next-auth's own reading of it (`getToken`: the
 * cookie, split in chunks or not, decrypted with the secret, its idle expiry checked), null when
 * missing, forged or expired. Not getServerSession(): in a page or a server action that runs
 * next-auth's whole session endpoint — the jwt callback's user read, and a fresh token encrypted
 * only to be thrown away (cookies cannot be set from a render) — on every request (issue 15,
 * deadline-day CPU). The account read and sessionRefusal below make the same decision the jwt
 * callback makes for next-auth's own endpoints.
 */
async function sessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const secure = secureCookiesFor();
  const token = await getToken({
    // Cookies only: getToken would also take an `Authorization: Bearer` header as a session token.
    req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} } as never,
    secureCookie: secure,
    cookieName: sessionCookieName(secure),
    secret: env().NEXTAUTH_SECRET,
  });
  return token as SessionClaims | null;
}

/** A caller may act only once a temporary or reset password has been replaced. */
function usable(scope: Scope | null): Scope | null {
  return scope && !scope.mustChangePassword ? scope : null;
}

/** The caller's scope from the session cookie: null when signed out, disabled, revoked, expired, or before the password change. */
export const getScope = cache(async (): Promise<Scope | null> => usable(await currentUser()));

/** Who is calling a route handler: a scope, or why there is none. */
export type RequestCaller = { scope: Scope } | { refusal: 'anonymous' | 'mustChangePassword' };

/**
 * The caller of a route handler: an `Authorization: Bearer` token when the request sends one (a
 * malformed or unknown token is anonymous, never a fall-back to the cookie), else the session. A
 * user who must still replace a temporary password is known but may do nothing here.
 */
export async function requestCaller(req: Request, opts: { tokens: boolean }): Promise<RequestCaller> {
  const header = opts.tokens ? req.headers.get('authorization') : null;
  const m = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  const user = header === null ? await currentUser() : m ? await scopeFromToken(m[1]!) : null;
  if (!user) return { refusal: 'anonymous' };
  if (user.mustChangePassword) return { refusal: 'mustChangePassword' };
  return { scope: user };
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
