import { describe, expect, it } from 'vitest';
import { compositeDistribution, meanOf, rankMovement, topAndBottom } from './dashboard';

describe('compositeDistribution', () => {
  it('counts each school once, in [from, to) bands, 100 in the last band', () => {
    const bands = compositeDistribution([
      { schoolId: 'a', composite: 0 },
      { schoolId: 'b', composite: 59.99 },
      { schoolId: 'c', composite: 85 },
      { schoolId: 'd', composite: 84.99 },
      { schoolId: 'e', composite: 100 },
      { schoolId: 'f', composite: 95 },
    ]);
    expect(bands.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 60, 2],
      [60, 70, 0],
      [70, 80, 0],
      [80, 85, 1],
      [85, 90, 1],
      [90, 95, 0],
      [95, 100, 2],
    ]);
    expect(bands[6]!.schoolIds).toEqual(['e', 'f']);
    expect(bands.reduce((s, b) => s + b.count, 0)).toBe(6);
  });
  it('rejects impossible composites', () => {
    expect(() => compositeDistribution([{ schoolId: 'x', composite: 100.01 }])).toThrow(RangeError);
    expect(() => compositeDistribution([{ schoolId: 'x', composite: Number.NaN }])).toThrow(RangeError);
  });
});

describe('topAndBottom', () => {
  const rows = [
    { schoolId: '1', code: 'dc03', composite: 80 },
    { schoolId: '2', code: 'dc01', composite: 90 },
    { schoolId: '3', code: 'dc02', composite: 80 },
    { schoolId: '4', code: 'dc04', composite: 70 },
  ];
  it('orders by composite, ties by code', () => {
    const r = topAndBottom(rows, 3);
    expect(r.top.map((x) => x.code)).toEqual(['dc01', 'dc02', 'dc03']);
    expect(r.bottom.map((x) => x.code)).toEqual(['dc04', 'dc02', 'dc03']);
    expect(topAndBottom(rows, 10).top).toHaveLength(4);
  });
});

describe('rankMovement', () => {
  it('previous − current rank; null when either is unranked or the school is new', () => {
    const m = rankMovement(
      [
        { schoolId: 'a', rank: 1, composite: 95 },
        { schoolId: 'b', rank: 3, composite: 88.5 },
        { schoolId: 'c', rank: null, composite: 70 },
        { schoolId: 'd', rank: 2, composite: 90 },
      ],
      [
        { schoolId: 'a', rank: 4, composite: 90.1 },
        { schoolId: 'b', rank: 1, composite: 92 },
        { schoolId: 'c', rank: 2, composite: 91 },
      ],
    );
    expect(m.map((x) => [x.schoolId, x.movement, x.compositeChange])).toEqual([
      ['a', 3, 4.9],
      ['b', -2, -3.5],
      ['c', null, -21],
      ['d', null, null],
    ]);
    expect(m[3]!.previousRank).toBeNull();
  });
});

describe('meanOf', () => {
  it('averages the figures that exist', () => {
    expect(meanOf([90, null, 81])).toBe(85.5);
    expect(meanOf([null])).toBeNull();
    expect(meanOf([1, 2, 2])).toBe(5 / 3); // exact: rounded once where shown
  });
});
