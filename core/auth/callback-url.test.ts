import { describe, expect, it } from 'vitest';
import { callbackCookieName, isAcceptableCallbackUrl } from './callback-url';

describe('sign-in callback URLs (issue 13)', () => {
  it('accepts paths and http(s) URLs', () => {
    for (const ok of ['/', '/review?year=2026', 'http://127.0.0.1:3000/school', 'https://sunlight.example/overview']) expect(isAcceptableCallbackUrl(ok), ok).toBe(true);
  });
  it('refuses other schemes and what is not a URL at all', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'javascript://%0aalert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'http://[::1',
      '%E0%A4%A',
      'evil',
      '',
      `/${'x'.repeat(3000)}`,
    ]) {
      expect(isAcceptableCallbackUrl(bad), bad).toBe(false);
    }
  });
  it('names the cookie as next-auth does', () => {
    expect(callbackCookieName(false)).toBe('next-auth.callback-url');
    expect(callbackCookieName(true)).toBe('__Secure-next-auth.callback-url');
  });
});
