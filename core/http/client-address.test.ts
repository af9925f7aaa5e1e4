import { describe, expect, it } from 'vitest';
import { clientAddress, clientAddressOf, proxyHops } from './client-address';

const h = (xff?: string, real?: string) => (name: string) => (name === 'x-forwarded-for' ? xff : name === 'x-real-ip' ? real : undefined);

describe('client address for rate limiting', () => {
  it('takes the address our proxy appended, not one the client sent', () => {
    expect(clientAddressOf(h('6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddressOf(h('203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddressOf(h('6.6.6.6, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
  });
  it('falls back to X-Real-IP, then to a fixed bucket', () => {
    expect(clientAddressOf(h(undefined, '198.51.100.4'), 1)).toBe('198.51.100.4');
    expect(clientAddressOf(h(' , ', undefined), 1)).toBe('unknown');
    expect(clientAddressOf(h(), 1)).toBe('unknown');
  });
  it('more hops than entries takes the first; the value is bounded and NUL-free', () => {
    expect(clientAddressOf(h('203.0.113.9'), 3)).toBe('203.0.113.9');
    expect(clientAddressOf(h(`a\u0000b${'x'.repeat(200)}`), 1)).toHaveLength(64);
    expect(clientAddressOf(h('a\u0000b'), 1)).toBe('ab');
  });
  it('reads SUNLIGHT_PROXY_HOPS, defaulting to one proxy', () => {
    expect(proxyHops(undefined)).toBe(1);
    expect(proxyHops('2')).toBe(2);
    expect(proxyHops('0')).toBe(1);
    expect(proxyHops('x')).toBe(1);
  });
  it('works on Fetch API headers', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 192.0.2.1' }))).toBe('192.0.2.1');
  });
});
