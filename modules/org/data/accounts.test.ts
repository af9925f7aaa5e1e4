import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from '@/core/auth/password';
import { isUniqueViolation, temporaryPassword } from './accounts';

describe('temporary passwords', () => {
  it('are long enough, readable (no 0/O/1/l/I) and different every time', () => {
    const all = Array.from({ length: 200 }, temporaryPassword);
    for (const pw of all) {
      expect(pw.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
      expect(pw).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{4}-[A-HJ-NP-Za-km-np-z2-9]{4}-[A-HJ-NP-Za-km-np-z2-9]{4}$/);
    }
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('isUniqueViolation', () => {
  it('finds 23505 on the error or on its (drizzle-wrapped) cause', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation(new Error('wrapped', { cause: { code: '23505' } }))).toBe(true);
    expect(isUniqueViolation(new Error('other', { cause: { code: '23503' } }))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
