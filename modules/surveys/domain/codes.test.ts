import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, codeSpaceBits, formatCode, newCode, newCodes, normalizeCode } from './codes';

describe('survey codes', () => {
  it('uses an unambiguous alphabet of 31 symbols', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(ambiguous);
  });

  it('generates 12-character codes from the alphabet, about 59 bits of randomness', () => {
    const c = newCode();
    expect(c).toHaveLength(CODE_LENGTH);
    expect([...c].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true);
    expect(codeSpaceBits()).toBeGreaterThan(59);
  });

  it('generates distinct codes and uses every symbol (no modulo bias that drops letters)', () => {
    const codes = newCodes(2000);
    expect(new Set(codes).size).toBe(2000);
    const seen = new Set(codes.join(''));
    expect(seen.size).toBe(31);
  });

  it('normalises typed input: case, spaces and hyphens do not matter', () => {
    expect(normalizeCode(' abcd-efgh-jkmn ')).toBe('ABCDEFGHJKMN');
    expect(normalizeCode('ABCD EFGH JK')).toBe('ABCDEFGHJK'); // seed codes are 10 long
  });

  it('refuses what cannot be a code', () => {
    for (const bad of ['', 'ABC', 'ABCDEFGHJK0O', 'ABCDEFGHJKI1', "x' or 1=1 --", 'A'.repeat(17), 42, null, undefined]) {
      expect(normalizeCode(bad)).toBeNull();
    }
  });

  it('formats in groups of four for print', () => {
    expect(formatCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
    expect(formatCode('ABCDEFGHJK')).toBe('ABCD-EFGH-JK');
  });
});
