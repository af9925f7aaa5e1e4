import { describe, expect, it } from 'vitest';
import { candidateQuarters } from './period-quarters';

describe('candidateQuarters (§3 belongs to)', () => {
  it('maps each calendar key to its quarter', () => {
    expect(candidateQuarters('2026-03')).toEqual({ year: 2026, quarters: [1] });
    expect(candidateQuarters('2026-10')).toEqual({ year: 2026, quarters: [4] });
    expect(candidateQuarters('2026-Q3')).toEqual({ year: 2026, quarters: [3] });
    expect(candidateQuarters('2026-H1')).toEqual({ year: 2026, quarters: [2] });
    expect(candidateQuarters('2026-H2')).toEqual({ year: 2026, quarters: [4] });
    expect(candidateQuarters('2026-T1')).toEqual({ year: 2026, quarters: [1] });
    expect(candidateQuarters('2026-T2')).toEqual({ year: 2026, quarters: [3] });
    expect(candidateQuarters('2026')).toEqual({ year: 2026, quarters: [1, 2, 3, 4] });
  });
  it('returns null for event ids and garbage', () => {
    expect(candidateQuarters('3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toBeNull();
    expect(candidateQuarters('2026-13')).toBeNull();
    expect(candidateQuarters("2026' or 1=1")).toBeNull();
  });
});
