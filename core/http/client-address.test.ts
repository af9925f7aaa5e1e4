import { describe, expect, it } from 'vitest';
import { clientAddress, clientAddressOf } from './client-address';
import { CLIENT_ADDRESS_HEADER, STAMPED_MARK } from './forwarded.mjs';

const h = (values: Record<string, string>) => (name: string) => values[name];

describe('client address for rate limiting (issue 13)', () => {
  it('never reads X-Forwarded-For or X-Real-IP: rotating them changes nothing', () => {
    for (const xff of ['6.6.6.6', '6.6.6.6, 203.0.113.9', '198.51.100.1']) {
      expect(clientAddressOf(h({ 'x-forwarded-for': xff, 'x-real-ip': xff, [CLIENT_ADDRESS_HEADER]: '192.0.2.7' }), true)).toBe('192.0.2.7');
    }
    expect(clientAddressOf(h({ 'x-forwarded-for': '6.6.6.6' }), true)).toBe('unknown');
  });
  it('trusts the header only when the app’s own server wrote it', () => {
    expect(clientAddressOf(h({ [CLIENT_ADDRESS_HEADER]: '192.0.2.7' }), false)).toBe('unknown');
  });
  it('bounds the value and drops NUL', () => {
    expect(clientAddressOf(h({ [CLIENT_ADDRESS_HEADER]: `a\u0000b${'x'.repeat(200)}` }), true)).toHaveLength(64);
  });
  it('works on Fetch API headers when this process runs behind the server', () => {
    const g = globalThis as Record<symbol, unknown>;
    const before = g[STAMPED_MARK];
    try {
      g[STAMPED_MARK] = true;
      expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6', [CLIENT_ADDRESS_HEADER]: '192.0.2.1' }))).toBe('192.0.2.1');
      g[STAMPED_MARK] = undefined;
      expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: '192.0.2.1' }))).toBe('unknown');
    } finally {
      g[STAMPED_MARK] = before;
    }
  });
});
