import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addTallies, coverage, emptyTally, groupRollUp, percent, rollUp, roundTo2, tally, timeliness } from './metrics';
import { obligation } from './fixtures.testutil';
import { roundHalfUp } from '@/core/domain/rounding';
import type { ObligationResult, ObligationStatus } from '@/core/domain/types';

function result(status: ObligationStatus, weight = 1): ObligationResult {
  const met = status === 'metOnTime' || status === 'metLate';
  return { obligation: obligation({ weight }), status, met, onTime: status === 'metOnTime', firstDisclosedOn: null, due: status !== 'notYetDue', notBefore: false };
}

describe('roundTo2', () => {
  it('rounds half away from zero without binary artefacts', () => {
    expect(roundTo2(1.005)).toBe(1.01);
    expect(roundTo2(2.675)).toBe(2.68);
    expect(roundTo2(66.666666)).toBe(66.67);
    expect(roundTo2(33.333333333333336)).toBe(33.33);
    expect(roundTo2(100.00000000000001)).toBe(100);
    expect(roundTo2(-1.005)).toBe(-1.01);
    expect(roundTo2(0.004)).toBe(0);
    expect(Object.is(roundTo2(-0.001), 0)).toBe(true);
    expect(() => roundTo2(Number.NaN)).toThrow(RangeError);
  });

  it('percent is exact (rounded only where shown, §4) and null for an empty denominator', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(1, 3)).toBe((1 / 3) * 100);
    expect(percent(2, 3)).toBe((2 / 3) * 100);
    // issue 14: 1 of 26 reports is 3.846…; rounding it first to 3.85 made the one-decimal tile say 3.9.
    expect(percent(1, 26)).toBeCloseTo(3.846153846, 8);
    expect(roundHalfUp(percent(1, 26)!, 1)).toBe(3.8);
  });
});

describe('tally / coverage / timeliness (§4)', () => {
  it('weights obligations by item weight', () => {
    const t = tally([result('metOnTime', 3), result('metLate', 1), result('missing', 2), result('rejected', 2), result('metOnTime', 2)]);
    expect(t).toEqual({ obligations: 5, notYetDue: 0, met: 3, onTime: 2, weightTotal: 10, weightMet: 6, weightOnTime: 5 });
    expect(coverage(t)).toBe(60);
    expect(timeliness(t)).toBe(50);
  });

  it('§4: only obligations already due count; the not-yet-due ones are counted apart (a period in progress)', () => {
    const early = { ...result('metOnTime', 4), due: false }; // disclosed before its deadline, which is still ahead
    const t = tally([result('metOnTime', 3), result('metLate', 1), result('missing', 2), result('notYetDue', 2), early]);
    expect(t).toEqual({ obligations: 3, notYetDue: 2, met: 2, onTime: 1, weightTotal: 6, weightMet: 4, weightOnTime: 3 });
    expect(coverage(t)).toBeCloseTo(66.6667, 3);
    // Nothing due yet: no rate at all rather than a collapse to 0 %.
    expect(coverage(tally([result('notYetDue', 2), early]))).toBeNull();
  });

  it('unweighted counting would differ: weights matter', () => {
    const t = tally([result('metOnTime', 5), result('missing', 1)]);
    expect(roundTo2(coverage(t)!)).toBe(83.33);
    expect(t.met / t.obligations).toBe(0.5);
  });

  it('no obligations ⇒ null figures', () => {
    expect(coverage(emptyTally())).toBeNull();
    expect(timeliness(tally([]))).toBeNull();
  });

  it('property: 0 ≤ timeliness ≤ coverage ≤ 100', () => {
    const st = fc.constantFrom<ObligationStatus>('metOnTime', 'metLate', 'missing', 'notYetDue', 'rejected');
    fc.assert(
      fc.property(fc.array(fc.tuple(st, fc.integer({ min: 0, max: 20 })), { maxLength: 60 }), (rows) => {
        const t = tally(rows.map(([s, w]) => result(s, w)));
        const c = coverage(t);
        const tl = timeliness(t);
        if (t.weightTotal === 0) {
          expect(c).toBeNull();
          return;
        }
        expect(c).not.toBeNull();
        expect(tl!).toBeGreaterThanOrEqual(0);
        expect(tl!).toBeLessThanOrEqual(c!);
        expect(c!).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('roll-ups (§4: weighted by obligations, not a mean of percentages)', () => {
  it('differs from the mean of school percentages', () => {
    // School A: 1 of 1 weight met (100 %). School B: 1 of 9 met (11.11 %).
    const a = tally([result('metOnTime', 1)]);
    const b = tally([result('metOnTime', 1), ...Array.from({ length: 8 }, () => result('missing', 1))]);
    expect(coverage(a)).toBe(100);
    expect(roundTo2(coverage(b)!)).toBe(11.11);
    const zone = rollUp([a, b]);
    expect(zone.coverage).toBe(20); // 2 / 10, not (100 + 11.11) / 2 = 55.56
    expect(zone.timeliness).toBe(20);
    expect(zone.units).toBe(2);
    expect(zone.tally).toEqual({ obligations: 10, notYetDue: 0, met: 2, onTime: 2, weightTotal: 10, weightMet: 2, weightOnTime: 2 });
  });

  it('groupRollUp rolls up per key in first-seen order', () => {
    const rows = [
      { zone: 'east', tally: tally([result('metOnTime', 2)]) },
      { zone: 'west', tally: tally([result('missing', 2)]) },
      { zone: 'east', tally: tally([result('metLate', 1), result('missing', 1)]) },
    ];
    const g = groupRollUp(rows, (r) => r.zone);
    expect([...g.keys()]).toEqual(['east', 'west']);
    expect(g.get('east')).toMatchObject({ coverage: 75, timeliness: 50, units: 2 });
    expect(g.get('west')).toMatchObject({ coverage: 0, timeliness: 0, units: 1 });
  });

  it('property: roll-up of school tallies = tally of all obligations; sums are preserved', () => {
    const st = fc.constantFrom<ObligationStatus>('metOnTime', 'metLate', 'missing', 'notYetDue', 'rejected');
    const school = fc.array(fc.tuple(st, fc.integer({ min: 0, max: 10 })), { maxLength: 30 });
    fc.assert(
      fc.property(fc.array(school, { maxLength: 12 }), (schools) => {
        const perSchool = schools.map((rows) => rows.map(([s, w]) => result(s, w)));
        const up = rollUp(perSchool.map((rs) => tally(rs)));
        const flat = tally(perSchool.flat());
        expect(up.tally).toEqual(flat);
        expect(up.coverage).toBe(coverage(flat));
        const due = perSchool.flat().filter((r) => r.due);
        expect(addTallies(...perSchool.map((rs) => tally(rs))).weightTotal).toBe(due.reduce((s, r) => s + r.obligation.weight, 0));
        expect(up.tally.obligations + up.tally.notYetDue).toBe(perSchool.flat().length);
      }),
    );
  });
});
