// The client address of a request, decided where the socket is still known: in the app's HTTP
// server (scripts/server.mjs), before Next.js sees the request (issue 13, "Client addresses").
//
// Next.js does not hand the socket to proxy.ts, route handlers or server actions; it only fills
// `X-Forwarded-For` from the socket when the request has none — so a client that sends its own
// header would choose its address. Instead the server stamps the address into CLIENT_ADDRESS_HEADER,
// overwriting whatever the client sent under that name:
// - by default the socket's peer address;
// - only when that peer is a configured trusted proxy (SUNLIGHT_TRUSTED_PROXIES, a list of CIDRs,
//   empty by default) is `X-Forwarded-For` read, from the right, skipping further trusted proxies:
//   the first address not in the list is the client.
// Plain JavaScript with JSDoc (types in forwarded.d.mts): the server runs it without a build step.
import net from 'node:net';

export const CLIENT_ADDRESS_HEADER = 'x-sunlight-client-address';
/** Set on globalThis by the server that stamps the header; without it the header is not trusted. */
export const STAMPED_MARK = Symbol.for('sunlight.clientAddressStamped');

/** `::ffff:192.0.2.1` → `192.0.2.1`; `[2001:db8::1]:443` → `2001:db8::1`; `192.0.2.1:5000` → `192.0.2.1`. */
export function normalizeAddress(raw) {
  let s = String(raw ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(s)) s = s.slice(7);
  return net.isIP(s) ? s.toLowerCase() : null;
}

/**
 * Parses SUNLIGHT_TRUSTED_PROXIES: CIDRs or single addresses separated by commas or spaces, e.g.
 * `10.0.0.0/8, 192.168.1.10, fd00::/8`. Empty or unset = no proxy is trusted. A bad entry throws,
 * so a typo stops the server instead of silently trusting nothing (or everything).
 */
export function parseTrustedProxies(raw) {
  const list = new net.BlockList();
  const entries = String(raw ?? '')
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split('/');
    const ip = normalizeAddress(addr);
    const family = ip === null ? 0 : net.isIP(ip);
    const max = family === 6 ? 128 : 32;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!ip || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`SUNLIGHT_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR (e.g. 10.0.0.0/8, 192.168.1.10, fd00::/8)`);
    }
    list.addSubnet(ip, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return { size: entries.length, has: (ip) => list.check(ip, net.isIP(ip) === 6 ? 'ipv6' : 'ipv4') };
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy — then the rightmost
 * `X-Forwarded-For` entry that is not itself a trusted proxy (an entry that is not an address
 * stops the walk at the last trusted hop). 'unknown' only when the socket has no address.
 */
export function resolveClientAddress(socketAddress, forwardedFor, trusted) {
  const peer = normalizeAddress(socketAddress);
  if (!peer) return 'unknown';
  if (!trusted || trusted.size === 0 || !trusted.has(peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : String(forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let last = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return last;
    if (!trusted.has(hop)) return hop;
    last = hop;
  }
  return last;
}

/** For the server: overwrite the header on an incoming request (node:http IncomingMessage). */
export function stampClientAddress(req, trusted) {
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket?.remoteAddress, req.headers['x-forwarded-for'], trusted);
}
