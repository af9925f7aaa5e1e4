// next-auth (v4) with credentials and JWT sessions. The token carries the user id, the user's
// session version and the sign-in time; role and scope are read from the database on every
// request (core/auth/session.ts), so disabling a user or changing a role takes effect at once.
// Session validity (issue 13) is decided by sessionRefusal (session-validity.ts) — here for
// next-auth's own endpoints (/api/auth/session must not renew a revoked cookie), and again where
// each request resolves its caller.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { clientAddressOf } from '@/core/http/client-address';
import { now } from '@/core/env';
import { withSystem } from '@/db/client';
import { secureCookiesFor } from './cookies';
import { SESSION_IDLE_SECONDS, sessionEnded, sessionRefusal } from './session-validity';
import { checkCredentials } from './sign-in';
import { accountOf, endSessions } from './users';

function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  return clientAddressOf((name) => {
    const v = headers?.[name];
    return Array.isArray(v) ? v.join(', ') : v;
  });
}

/**
 * Thrown by the jwt callback for a revoked or expired token. next-auth 4 catches it in its session
 * route, answers `{}` and clears the cookie (returning null from jwt() to end a session is only
 * supported from @auth/core on), and getServerSession() then reports no session.
 */
export class SessionEndedError extends Error {
  constructor(readonly reason: string) {
    super(`session ${reason}`);
    this.name = 'SessionEndedError';
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
  // httpOnly + SameSite=Lax always (next-auth defaults); Secure whenever served over https.
  useSecureCookies: secureCookiesFor(),
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { username: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const result = await checkCredentials(String(credentials?.username ?? ''), String(credentials?.password ?? ''), clientAddress(req?.headers as Record<string, string | undefined>));
        if (!result.ok) throw new Error(result.reason === 'throttled' ? 'throttled' : 'invalid');
        return { id: result.userId, name: result.displayName, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Sign-in: the version the session belongs to, and when it started (absolute lifetime).
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.sat = now().getTime();
        return token;
      }
      const account = typeof token.uid === 'string' ? await accountOf(token.uid) : null;
      const refusal = sessionRefusal({ sv: token.sv, sat: token.sat }, account?.session ?? null, now());
      if (sessionEnded(refusal)) throw new SessionEndedError(refusal!);
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: typeof token.uid === 'string' ? token.uid : undefined, sv: token.sv, sat: token.sat };
    },
  },
  events: {
    // Signing out ends every session of the user, not only this browser's cookie (a copy of it
    // would otherwise keep working until it expires).
    async signOut({ token }) {
      if (typeof token?.uid === 'string') await withSystem((db) => endSessions(db, token.uid as string));
    },
  },
  logger: {
    error(code, metadata) {
      // Failed sign-ins and ended sessions are expected; everything else is logged without echoing secrets.
      if (code === 'CREDENTIALS_SIGNIN_ERROR' || code === 'CLIENT_FETCH_ERROR') return;
      if (code === 'JWT_SESSION_ERROR' && (metadata as { name?: unknown } | undefined)?.name === 'SessionEndedError') return;
      console.error('[auth]', code, metadata instanceof Error ? metadata.message : '');
    },
    warn() {},
    debug() {},
  },
};
