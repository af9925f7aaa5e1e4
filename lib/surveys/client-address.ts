// The client address of a request, for rate limiting only (never stored with an answer).
// Behind a reverse proxy the first X-Forwarded-For entry is the client (the proxy must
// overwrite the header, as with sign-in throttling).
export function clientAddress(h: Headers): string {
  const first = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return first || h.get('x-real-ip')?.trim() || 'unknown';
}
