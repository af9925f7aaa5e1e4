// The client address of a request, for rate limiting only (sign-in, survey answers, objections;
// never stored with an answer). Behind a reverse proxy, X-Forwarded-For is "client, proxy1, …":
// entries a client sends itself come first, and each trusted proxy appends the address it saw.
// So the entry `hops` from the right is the one our own proxy wrote — a client cannot forge it.
// `SUNLIGHT_PROXY_HOPS` = number of trusted proxies in front of the app (default 1).
import { env } from '@/core/env';
type HeaderGet = (name: string) => string | null | undefined;

export function clientAddressOf(get: HeaderGet, hops = proxyHops()): string {
  const list = (get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = list.length ? list[Math.max(0, list.length - Math.max(1, hops))] : get('x-real-ip')?.trim();
  return (picked || 'unknown').replaceAll('\u0000', '').slice(0, 64);
}

export function proxyHops(raw = env().SUNLIGHT_PROXY_HOPS): number {
  const n = Number(raw ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}

/** For Fetch API headers. */
export function clientAddress(h: Headers): string {
  return clientAddressOf((name) => h.get(name));
}
