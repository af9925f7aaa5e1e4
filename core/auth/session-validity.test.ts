import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SESSION_ABSOLUTE_MS, sessionEnded, sessionRefusal, type SessionHolder } from './session-validity';

const NOW = new Date('2026-11-23T02:00:00Z');
const user: SessionHolder = { sessionVersion: 3, disabled: false, mustChangePassword: false };
const token = { uid: 'u', sv: 3, sat: NOW.getTime() - 60_000 };

describe('sessionRefusal', () => {
  it('accepts a current token of an active user', () => {
    expect(sessionRefusal(token, user, NOW)).toBeNull();
  });

  it('revokes a token whose version is not the user’s (sign-out, password change or reset, disabling bumped it)', () => {
    expect(sessionRefusal({ ...token, sv: 2 }, user, NOW)).toBe('revoked');
    expect(sessionRefusal({ ...token, sv: 4 }, user, NOW)).toBe('revoked');
  });

  it('revokes tokens without a version, with a malformed one, of unknown or disabled users', () => {
    expect(sessionRefusal({ uid: 'u', sat: token.sat }, user, NOW)).toBe('revoked');
    expect(sessionRefusal({ ...token, sv: '3' }, user, NOW)).toBe('revoked');
    expect(sessionRefusal({ ...token, sv: 3.5 }, { ...user, sessionVersion: 3.5 }, NOW)).toBe('revoked');
    expect(sessionRefusal(token, null, NOW)).toBe('revoked');
    expect(sessionRefusal(token, { ...user, disabled: true }, NOW)).toBe('revoked');
    expect(sessionRefusal(null, user, NOW)).toBe('revoked');
  });

  it('ends a session seven days after sign-in however active it was', () => {
    expect(sessionRefusal({ ...token, sat: NOW.getTime() - SESSION_ABSOLUTE_MS }, user, NOW)).toBeNull();
    expect(sessionRefusal({ ...token, sat: NOW.getTime() - SESSION_ABSOLUTE_MS - 1 }, user, NOW)).toBe('expired');
    expect(sessionRefusal({ ...token, sat: undefined }, user, NOW)).toBe('expired');
    expect(sessionRefusal({ ...token, sat: Number.NaN }, user, NOW)).toBe('expired');
    // A sign-in time far ahead of the clock was not issued by this server.
    expect(sessionRefusal({ ...token, sat: NOW.getTime() + 60 * 60_000 }, user, NOW)).toBe('expired');
  });

  it('keeps a user with a temporary password on the password page only', () => {
    const r = sessionRefusal(token, { ...user, mustChangePassword: true }, NOW);
    expect(r).toBe('mustChangePassword');
    expect(sessionEnded(r)).toBe(false);
    // Revocation wins over the pending change.
    expect(sessionRefusal({ ...token, sv: 2 }, { ...user, mustChangePassword: true }, NOW)).toBe('revoked');
  });

  it('accepts only the exact version within the lifetime (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 * SESSION_ABSOLUTE_MS }), (sv, version, age) => {
        const r = sessionRefusal({ sv, sat: NOW.getTime() - age }, { ...user, sessionVersion: version }, NOW);
        expect(r === null).toBe(sv === version && age <= SESSION_ABSOLUTE_MS);
      }),
    );
  });
});
