// Session cookies are `Secure` (and `__Secure-`/`__Host-` prefixed by next-auth) whenever the app's
// public URL is https — i.e. in every real deployment behind TLS. Plain http is for localhost demos.
import { env } from '@/core/env';
export function secureCookiesFor(publicUrl: string | undefined = env().NEXTAUTH_URL): boolean {
  return /^https:\/\//i.test(publicUrl ?? '');
}

/** The name next-auth gives the session cookie (prefixed `__Secure-` over https). */
export function sessionCookieName(secure = secureCookiesFor()): string {
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}
