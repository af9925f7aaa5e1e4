// The client address of a request, for rate limiting only (sign-in, survey answers and code
// look-ups, objections; never stored with an answer). It is decided by the app's HTTP server
// (scripts/server.mjs → core/http/forwarded.mjs) from the socket, reading X-Forwarded-For only
// when the peer is a configured trusted proxy, and handed over in CLIENT_ADDRESS_HEADER, which the
// server overwrites on every request — a client cannot choose it (issue 13). X-Forwarded-For
// itself is never read here. Without that server (e.g. `next dev`) every request is 'unknown'.
import { env } from '@/core/env';
import { CLIENT_ADDRESS_HEADER, STAMPED_MARK } from './forwarded.mjs';

type HeaderGet = (name: string) => string | null | undefined;

let warned = false;

/** Whether this process runs behind scripts/server.mjs, the only writer of the header. */
function stampedByServer(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED_MARK] === true;
}

export function clientAddressOf(get: HeaderGet, stamped = stampedByServer()): string {
  const value = stamped ? (get(CLIENT_ADDRESS_HEADER) ?? '').trim() : '';
  if (!value) {
    if (!stamped && !warned && env().NODE_ENV === 'production') {
      warned = true;
      console.warn('[client-address] not started through scripts/server.mjs: per-address limits share one bucket');
    }
    return 'unknown';
  }
  return value.replaceAll('\u0000', '').slice(0, 64);
}

/** For Fetch API headers. */
export function clientAddress(h: Headers): string {
  return clientAddressOf((name) => h.get(name));
}
