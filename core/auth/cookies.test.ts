import { describe, expect, it } from 'vitest';
import { secureCookiesFor, sessionCookieName } from './cookies';

describe('session cookie security', () => {
  it('is Secure when the public URL is https', () => {
    expect(secureCookiesFor('https://sunlight.edu.example.cn')).toBe(true);
    expect(secureCookiesFor('HTTPS://SUNLIGHT.EXAMPLE')).toBe(true);
  });
  it('is not Secure for a plain-http demo on localhost, or when no URL is set', () => {
    expect(secureCookiesFor('http://localhost:3000')).toBe(false);
    expect(secureCookiesFor(undefined)).toBe(false);
    expect(secureCookiesFor('')).toBe(false);
  });
});

describe('session cookie name', () => {
  it('carries the __Secure- prefix exactly when the cookie is Secure, as next-auth names it', () => {
    expect(sessionCookieName(true)).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName(false)).toBe('next-auth.session-token');
  });
});
