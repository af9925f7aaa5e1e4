// Next 16 interceptor, on every request but static assets:
// 1. a Content-Security-Policy with a fresh nonce (core/http/security-headers.ts) on the request —
//    Next.js reads the nonce from it and puts it on every script it renders — and on the response;
// 2. a path that is not valid percent-encoded UTF-8 (`/s/ABC%'`) is a 400 here — Next.js would
//    fail decoding its dynamic segments with a 500 (issue 13);
// 3. every page except sign-in and the public ones needs a session: strangers are sent to sign in
//    early. Role and scope checks happen per request in the data layer.
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { contentSecurityPolicy, EVIDENCE_CSP, isEvidencePath, malformedPath, newNonce } from '@/core/http/security-headers';

function withPolicy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = isEvidencePath(request.nextUrl.pathname) ? EVIDENCE_CSP : contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

const signedIn = withAuth((request) => withPolicy(request), { pages: { signIn: '/login' } });

/** Open without a session: the home page (it redirects itself), sign-in, next-auth, health, the read API (own auth), public pages. */
const PUBLIC = /^\/(?:$|login|api\/auth|api\/health|api\/v1|p\/|s\/|s$|notice\/|_next\/|favicon\.ico|icon\.svg|robots\.txt)/;

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (malformedPath(request.nextUrl.pathname)) {
    return new NextResponse('Bad Request: the address is not valid percent-encoded UTF-8.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': EVIDENCE_CSP },
    });
  }
  if (PUBLIC.test(request.nextUrl.pathname)) return withPolicy(request);
  const response = await signedIn(request as NextRequestWithAuth, event);
  // withAuth's redirect to sign-in carries no policy yet.
  if (response instanceof Response && !response.headers.has('content-security-policy')) response.headers.set('content-security-policy', contentSecurityPolicy(newNonce()));
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
