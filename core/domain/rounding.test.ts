import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundHalfUp, shown, shownText } from './rounding';

describe('roundHalfUp (§4: rounded once from the exact value at the precision shown)', () => {
  it('rounds half up at the precision asked for, without binary artefacts', () => {
    expect(roundHalfUp((1 / 26) * 100, 1)).toBe(3.8); // issue 14: the submission rate of 1 of 26 schools
    expect(roundHalfUp(92.75, 1)).toBe(92.8); // issue 14: a mean score of 92.75 at one decimal
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(0.05, 1)).toBe(0.1);
    expect(roundHalfUp(-1.25, 1)).toBe(-1.3);
    expect(roundHalfUp(99.95, 1)).toBe(100);
    expect(roundHalfUp(7, 0)).toBe(7);
    expect(() => roundHalfUp(Number.NaN, 1)).toThrow(RangeError);
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
  });

  it('rounding a rounded value again can differ: why figures are rounded once', () => {
    const exact = (1 / 26) * 100;
    expect(roundHalfUp(roundHalfUp(exact, 2), 1)).toBe(3.9);
    expect(roundHalfUp(exact, 1)).toBe(3.8);
  });

  it('shown / shownText keep null and write the precision shown', () => {
    expect(shown(null)).toBeNull();
    expect(shown((1 / 3) * 100)).toBe(33.3);
    expect(shownText(92.75)).toBe('92.8');
    expect(shownText(88, 2)).toBe('88.00');
    expect(shownText(undefined)).toBeNull();
  });

  it('property: within half a unit of the exact value', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, d) => {
        expect(Math.abs(roundHalfUp(x, d) - x)).toBeLessThanOrEqual(0.5 / 10 ** d + 1e-9);
      }),
    );
  });
});
