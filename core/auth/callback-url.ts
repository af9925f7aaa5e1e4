// Callback URLs next-auth 4 accepts without failing (its assertConfig): a path, or an absolute
// http(s) URL. Where an accepted URL may then lead is next-auth's redirect callback's business
// (same origin only by default).
import { secureCookiesFor } from './cookies';

export function isAcceptableCallbackUrl(url: string, base = 'http://localhost'): boolean {
  if (url.length > 2000) return false;
  try {
    return /^https?:$/.test(new URL(url, url.startsWith('/') ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/** The name of next-auth's callback-url cookie (prefixed `__Secure-` over https). */
export function callbackCookieName(secure = secureCookiesFor()): string {
  return `${secure ? '__Secure-' : ''}next-auth.callback-url`;
}
