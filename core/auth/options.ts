// next-auth (v4) with credentials and JWT sessions. The token carries only the user id; role and
// scope are read from the database on every request (core/auth/session.ts), so disabling a user or
// changing a role takes effect at once.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { clientAddressOf } from '@/core/http/client-address';
import { secureCookiesFor } from './cookies';
import { checkCredentials } from './sign-in';

function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  return clientAddressOf((name) => {
    const v = headers?.[name];
    return Array.isArray(v) ? v.join(', ') : v;
  });
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
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
        return { id: result.userId, name: result.displayName };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: typeof token.uid === 'string' ? token.uid : undefined };
    },
  },
  logger: {
    error(code, metadata) {
      // Failed sign-ins are expected; everything else is logged without echoing secrets.
      if (code === 'CREDENTIALS_SIGNIN_ERROR' || code === 'CLIENT_FETCH_ERROR') return;
      console.error('[auth]', code, metadata instanceof Error ? metadata.message : '');
    },
    warn() {},
    debug() {},
  },
};
