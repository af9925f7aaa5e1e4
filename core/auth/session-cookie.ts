// Keeps the current browser signed in after its user changed their own password (issue 13): the
// change ends every session of the user — copies of this cookie included — and this one is
// replaced by a fresh token with the new session version, as next-auth would issue at sign-in.
import 'server-only';
import { cookies } from 'next/headers';
import { encode } from 'next-auth/jwt';
import { env, now } from '@/core/env';
import { secureCookiesFor, sessionCookieName } from './cookies';
import { SESSION_IDLE_SECONDS } from './session-validity';

export async function renewOwnSession(uid: string, sessionVersion: number, name: string): Promise<boolean> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) return false;
  const secure = secureCookiesFor();
  const value = await encode({ token: { name, sub: uid, uid, sv: sessionVersion, sat: now().getTime() }, secret, maxAge: SESSION_IDLE_SECONDS });
  (await cookies()).set(sessionCookieName(secure), value, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: SESSION_IDLE_SECONDS });
  return true;
}
