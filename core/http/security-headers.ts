// HTTP security headers (issues 8 and 13). The Content-Security-Policy is set per request by
// proxy.ts with a fresh nonce (Next.js's documented nonce CSP: Next reads the nonce from the
// request's policy header and puts it on every script it renders), so an inline script or event
// handler that the app did not write never runs — `'unsafe-inline'` is gone from script-src.
// Styles keep 'unsafe-inline' (React style attributes and chart libraries set inline styles; a
// style cannot run code). Evidence files get a policy without any active content at all.

// The proxy (proxy.ts) runs before any request handler: it reads only NODE_ENV, which Next inlines,
// rather than validating the whole environment on every request.
/** Policy for pages and every other response of the app. */
// eslint-disable-next-line no-restricted-properties
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by the nonce-bearing ones (Next's chunks) are trusted too.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Uploaded evidence is served sandboxed, with no active content whatsoever. */
export const EVIDENCE_CSP = "default-src 'none'; sandbox";

/** The routes that serve evidence files (/files/[id], /p/[district]/[school]/files/[id]). */
export function isEvidencePath(pathname: string): boolean {
  return /^\/files\/[^/]+\/?$/.test(pathname) || /^\/p\/[^/]+\/[^/]+\/files\/[^/]+\/?$/.test(pathname);
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The headers besides the CSP, on every response (next.config.ts). */
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** A path Next.js could not decode into route parameters (broken percent-encoding or UTF-8): a 400 in proxy.ts. */
export function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
