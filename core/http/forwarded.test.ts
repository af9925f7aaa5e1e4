import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, normalizeAddress, parseTrustedProxies, resolveClientAddress, stampClientAddress } from './forwarded.mjs';

const none = parseTrustedProxies(undefined);

describe('resolveClientAddress (issue 13: the socket, unless the peer is a trusted proxy)', () => {
  it('uses the socket address when no proxy is configured, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.9', '6.6.6.6', none)).toBe('203.0.113.9');
    expect(resolveClientAddress('203.0.113.9', '6.6.6.6, 7.7.7.7', none)).toBe('203.0.113.9');
    expect(resolveClientAddress('::ffff:203.0.113.9', undefined, none)).toBe('203.0.113.9');
    expect(resolveClientAddress('2001:DB8::1', '6.6.6.6', none)).toBe('2001:db8::1');
  });

  it('ignores X-Forwarded-For from a peer that is not a configured proxy', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8');
    expect(resolveClientAddress('203.0.113.9', '6.6.6.6', trusted)).toBe('203.0.113.9');
  });

  it('behind trusted proxies, takes the rightmost entry that is not a trusted proxy', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, 192.168.1.10');
    expect(resolveClientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9, 192.168.1.10', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('::ffff:10.0.0.2', ['6.6.6.6', '203.0.113.9'], trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('10.0.0.2', '203.0.113.9:51234', trusted)).toBe('203.0.113.9');
  });

  it('falls back to the last trusted hop when the header is missing, all trusted, or garbage', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8');
    expect(resolveClientAddress('10.0.0.2', undefined, trusted)).toBe('10.0.0.2');
    expect(resolveClientAddress('10.0.0.2', '10.1.1.1', trusted)).toBe('10.1.1.1');
    expect(resolveClientAddress('10.0.0.2', "' OR 1=1, 10.1.1.1", trusted)).toBe('10.1.1.1');
    expect(resolveClientAddress('10.0.0.2', 'a\u0000b', trusted)).toBe('10.0.0.2');
  });

  it('IPv6 ranges', () => {
    const trusted = parseTrustedProxies('fd00::/8');
    expect(resolveClientAddress('fd00::5', '[2001:db8::7]:443', trusted)).toBe('2001:db8::7');
    expect(resolveClientAddress('fe80::1', '2001:db8::7', trusted)).toBe('fe80::1');
  });

  it('no socket address: one fixed bucket', () => {
    expect(resolveClientAddress(undefined, '6.6.6.6', none)).toBe('unknown');
  });
});

describe('SUNLIGHT_TRUSTED_PROXIES', () => {
  it('is empty by default', () => {
    expect(parseTrustedProxies(undefined).size).toBe(0);
    expect(parseTrustedProxies('  ').size).toBe(0);
  });
  it('accepts CIDRs and single addresses, IPv4 and IPv6', () => {
    const t = parseTrustedProxies('10.0.0.0/8 192.168.1.10,fd00::/8 ::1');
    expect(t.size).toBe(4);
    expect(t.has('10.200.3.4')).toBe(true);
    expect(t.has('192.168.1.10')).toBe(true);
    expect(t.has('192.168.1.11')).toBe(false);
    expect(t.has('fd12::1')).toBe(true);
    expect(t.has('::1')).toBe(true);
  });
  it('refuses a typo instead of silently trusting nothing or everything', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0/8', '1.2.3.4/8/1', 'fd00::/129', '10.0.0.0/x']) expect(() => parseTrustedProxies(bad), bad).toThrow(/SUNLIGHT_TRUSTED_PROXIES/);
  });
  it('normalises addresses', () => {
    expect(normalizeAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('[::1]:3000')).toBe('::1');
    expect(normalizeAddress('unknown')).toBeNull();
  });
});

describe('the server stamps the socket address over anything the client sent', () => {
  async function serve(trusted: ReturnType<typeof parseTrustedProxies>, headers: Record<string, string>): Promise<string> {
    const server = http.createServer((req, res) => {
      stampClientAddress(req, trusted);
      res.end(String(req.headers[CLIENT_ADDRESS_HEADER]));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      return await new Promise<string>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/', headers }, (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve(body));
          })
          .on('error', reject);
      });
    } finally {
      server.close();
    }
  }

  it('over a real socket: a forged X-Forwarded-For or a forged stamp header is ignored', async () => {
    expect(await serve(none, { 'x-forwarded-for': '6.6.6.6' })).toBe('127.0.0.1');
    expect(await serve(none, { [CLIENT_ADDRESS_HEADER]: '6.6.6.6' })).toBe('127.0.0.1');
    expect(await serve(parseTrustedProxies('10.0.0.0/8'), { 'x-forwarded-for': '6.6.6.6' })).toBe('127.0.0.1');
  });

  it('over a real socket from a trusted proxy: the client the proxy saw', async () => {
    expect(await serve(parseTrustedProxies('127.0.0.1'), { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })).toBe('203.0.113.9');
  });
});
