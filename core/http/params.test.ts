import { describe, expect, it } from 'vitest';
import { ParamError, parseQuarter, parseSchoolCode, parseYear, rejectUnknownParams } from './params';

describe('read API parameters', () => {
  it('requires a plausible year', () => {
    expect(parseYear('2026')).toBe(2026);
    for (const bad of [null, '', '26', '2026.0', 'abcd', '1999', '3000']) expect(() => parseYear(bad)).toThrow(ParamError);
  });
  it('accepts quarters 1–4 or nothing', () => {
    expect(parseQuarter(null)).toBeNull();
    expect(parseQuarter('3')).toBe(3);
    for (const bad of ['0', '5', '1.0', 'Q1']) expect(() => parseQuarter(bad)).toThrow(/quarter/);
  });
  it('accepts school codes, nothing else', () => {
    expect(parseSchoolCode('dc01')).toBe('dc01');
    expect(() => parseSchoolCode("dc01' or 1=1")).toThrow(ParamError);
  });
  it('rejects unknown parameters by name', () => {
    expect(() => rejectUnknownParams(new URLSearchParams('yaer=2026'), ['year'])).toThrow(/yaer/);
    expect(() => rejectUnknownParams(new URLSearchParams('year=2026'), ['year'])).not.toThrow();
  });
});
