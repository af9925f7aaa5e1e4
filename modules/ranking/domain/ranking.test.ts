import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { awardQuota, compositeScore, rankSchools, weightsIssue, type RankingCandidate } from './ranking';
import { DEFAULT_SETTINGS } from '@/core/domain/types';

const W = DEFAULT_SETTINGS.weights;
const settings = { weights: W, quotaPercent: 15, minComposite: 85 };

function cand(schoolId: string, v: Partial<RankingCandidate> = {}): RankingCandidate {
  return { schoolId, schoolType: 'primary', coverage: 95, timeliness: 90, score: 90, satisfaction: 95, reasons: [], ...v };
}

describe('weights (§6)', () => {
  it('each 0–1, sum 1 within 1e-9', () => {
    expect(weightsIssue(W)).toBeNull();
    expect(weightsIssue({ coverage: 0.1, timeliness: 0.2, score: 0.3, satisfaction: 0.4 })).toBeNull(); // 0.1+0.2 artefact
    expect(weightsIssue({ coverage: 1, timeliness: 0, score: 0, satisfaction: 0 })).toBeNull();
    expect(weightsIssue({ coverage: 0.3, timeliness: 0.2, score: 0.3, satisfaction: 0.3 })).toBe('sumNotOne');
    expect(weightsIssue({ coverage: 1.2, timeliness: -0.2, score: 0, satisfaction: 0 })).toBe('outOfRange');
    expect(weightsIssue({ coverage: Number.NaN, timeliness: 0.2, score: 0.3, satisfaction: 0.2 })).toBe('outOfRange');
    expect(() => compositeScore({ coverage: 1, timeliness: 1, score: 1, satisfaction: 1 }, { ...W, score: 0.5 })).toThrow(RangeError);
  });
});

describe('composite (§6)', () => {
  it('= 0.30·coverage + 0.20·timeliness + 0.30·score + 0.20·satisfaction', () => {
    expect(compositeScore({ coverage: 90, timeliness: 80, score: 85, satisfaction: 95 }, W).composite).toBe(87.5);
  });

  it('rounds components and the composite to 2 decimals before use', () => {
    const r = compositeScore({ coverage: 83.335, timeliness: 66.666, score: 91.004, satisfaction: 77.777 }, W);
    expect(r.components).toEqual({ coverage: 83.34, timeliness: 66.67, score: 91, satisfaction: 77.78 });
    // 0.3·83.34 + 0.2·66.67 + 0.3·91 + 0.2·77.78 = 25.002 + 13.334 + 27.3 + 15.556 = 81.192
    expect(r.composite).toBe(81.19);
  });

  it('a missing component counts as 0', () => {
    const r = compositeScore({ coverage: 100, timeliness: 100, score: null, satisfaction: null }, W);
    expect(r.components.score).toBe(0);
    expect(r.composite).toBe(50);
    expect(() => compositeScore({ coverage: 101, timeliness: 0, score: 0, satisfaction: 0 }, W)).toThrow(RangeError);
  });

  it('rounding decides ties: raw values differing beyond 2 decimals tie', () => {
    const { rows } = rankSchools([cand('a', { coverage: 90.001 }), cand('b', { coverage: 89.999 })], settings);
    expect(rows.map((r) => r.rank)).toEqual([1, 1]);
  });
});

describe('awardQuota (§6)', () => {
  it('floor of the percentage, at least 1 when anyone is eligible', () => {
    expect(awardQuota(7, 15)).toBe(1); // 1.05
    expect(awardQuota(20, 15)).toBe(3);
    expect(awardQuota(3, 15)).toBe(1); // 0.45 → at least 1
    expect(awardQuota(0, 15)).toBe(0);
    expect(awardQuota(100, 29)).toBe(29); // 29 × 100 / 100 without binary under-run
    expect(awardQuota(40, 12.5)).toBe(5);
    expect(() => awardQuota(5, 120)).toThrow(RangeError);
  });

  it('property: 1 ≤ quota ≤ eligible for eligible ≥ 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 100 }), (n, p) => {
        const q = awardQuota(n, p);
        expect(q).toBeGreaterThanOrEqual(1);
        expect(q).toBeLessThanOrEqual(n);
        expect(q).toBe(Math.max(1, Math.floor((n * p) / 100)));
      }),
    );
  });
});

describe('rankSchools (§6)', () => {
  it('competition ranking with ties (1, 2, 2, 4) and the tie-break order', () => {
    const { rows } = rankSchools([cand('d', { coverage: 80 }), cand('b'), cand('a', { coverage: 100 }), cand('c')], settings);
    expect(rows.map((r) => [r.schoolId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('breaks equal composites by satisfaction, then timeliness, then coverage, then score', () => {
    const order = (cs: RankingCandidate[]) => rankSchools(cs, settings).rows.map((r) => [r.schoolId, r.composite, r.rank]);
    // Satisfaction first (all composite 90); equal on every key ⇒ same rank.
    expect(
      order([
        cand('low-sat', { coverage: 100, timeliness: 100, score: 100, satisfaction: 50 }),
        cand('hi-sat', { coverage: 100, timeliness: 50, score: 100, satisfaction: 100 }),
        cand('hi-time', { coverage: 100, timeliness: 100, score: 100, satisfaction: 50 }),
      ]),
    ).toEqual([
      ['hi-sat', 90, 1],
      ['hi-time', 90, 2],
      ['low-sat', 90, 2],
    ]);
    // Then timeliness (composite 92, same satisfaction), even against higher coverage.
    expect(order([cand('cov', { coverage: 100, timeliness: 85, score: 90, satisfaction: 90 }), cand('time', { coverage: 90, timeliness: 100, score: 90, satisfaction: 90 })])).toEqual([
      ['time', 92, 1],
      ['cov', 92, 2],
    ]);
    // Then coverage (composite 88), before score.
    expect(order([cand('scr', { coverage: 80, timeliness: 80, score: 100, satisfaction: 90 }), cand('cov', { coverage: 100, timeliness: 80, score: 80, satisfaction: 90 })])).toEqual([
      ['cov', 88, 1],
      ['scr', 88, 2],
    ]);
    // Then score: 0.3 × 0.01 vanishes in the rounded composite (90.003 → 90), the score still decides.
    expect(order([cand('a', { coverage: 90, timeliness: 90, score: 90, satisfaction: 90 }), cand('b', { coverage: 90, timeliness: 90, score: 90.01, satisfaction: 90 })])).toEqual([
      ['b', 90, 1],
      ['a', 90, 2],
    ]);
  });

  it('ranks within school-type groups; ineligible schools are listed unranked with reasons', () => {
    const { rows, groups } = rankSchools(
      [cand('p1'), cand('j1', { schoolType: 'junior', coverage: 50 }), cand('p2', { reasons: ['congressNotMet', 'noValidSatisfaction'], coverage: 100 }), cand('j2', { schoolType: 'junior' })],
      settings,
    );
    expect(rows.map((r) => [r.schoolId, r.schoolType, r.rank, r.eligible])).toEqual([
      ['p1', 'primary', 1, true],
      ['p2', 'primary', null, false],
      ['j2', 'junior', 1, true],
      ['j1', 'junior', 2, true],
    ]);
    expect(rows[1]).toMatchObject({ awarded: false, reasons: ['congressNotMet', 'noValidSatisfaction'] });
    expect(groups).toEqual([
      { schoolType: 'primary', schools: 2, eligible: 1, quota: 1, awarded: 1 },
      { schoolType: 'junior', schools: 2, eligible: 2, quota: 1, awarded: 1 },
    ]);
  });

  it('quota: 7 eligible × 15 % → 1; 20 × 15 % → 3', () => {
    const seven = Array.from({ length: 7 }, (_, i) => cand(`s${i}`, { coverage: 100 - i }));
    const r7 = rankSchools(seven, settings);
    expect(r7.groups[0]).toMatchObject({ eligible: 7, quota: 1, awarded: 1 });
    expect(r7.rows.filter((r) => r.awarded).map((r) => r.schoolId)).toEqual(['s0']);

    const twenty = Array.from({ length: 20 }, (_, i) => cand(`s${String(i).padStart(2, '0')}`, { coverage: 100 - i }));
    const r20 = rankSchools(twenty, settings);
    expect(r20.groups[0]).toMatchObject({ eligible: 20, quota: 3, awarded: 3 });
    expect(r20.rows.filter((r) => r.awarded).map((r) => r.schoolId)).toEqual(['s00', 's01', 's02']);
  });

  it('ineligible schools do not count towards the quota base', () => {
    const list = [...Array.from({ length: 7 }, (_, i) => cand(`e${i}`)), ...Array.from({ length: 13 }, (_, i) => cand(`x${i}`, { reasons: ['reportsNotApproved'] }))];
    expect(rankSchools(list, settings).groups[0]).toMatchObject({ schools: 20, eligible: 7, quota: 1 });
  });

  it('only composites ≥ minComposite are awarded; nobody ≥ minComposite → 0', () => {
    const low = Array.from({ length: 20 }, (_, i) => cand(`s${i}`, { coverage: 50, score: 60 }));
    const r = rankSchools(low, settings);
    expect(r.rows[0].composite).toBeLessThan(85);
    expect(r.groups[0]).toMatchObject({ quota: 3, awarded: 0 });

    const mixed = rankSchools([cand('a', { coverage: 100 }), cand('b', { coverage: 60 }), ...Array.from({ length: 18 }, (_, i) => cand(`z${i}`, { score: 0 }))], settings);
    expect(mixed.rows.filter((x) => x.awarded).map((x) => x.schoolId)).toEqual(['a']);
    // Exactly at the threshold counts.
    const edge = rankSchools([cand('e', { coverage: 85, timeliness: 85, score: 85, satisfaction: 85 })], settings);
    expect(edge.rows[0]).toMatchObject({ composite: 85, awarded: true });
  });

  it('ties straddling the quota line: every school sharing the last in-quota rank is in', () => {
    // 20 eligible → quota 3; ranks 1, 2, 3, 3, 3, 6, …
    const list = Array.from({ length: 20 }, (_, i) => cand(`s${String(i).padStart(2, '0')}`, { coverage: i < 2 ? 100 - i : i < 5 ? 97 : 90 - i }));
    const { rows, groups } = rankSchools(list, settings);
    expect(rows.slice(0, 6).map((r) => r.rank)).toEqual([1, 2, 3, 3, 3, 6]);
    expect(rows.filter((r) => r.awarded)).toHaveLength(5);
    expect(groups[0]).toMatchObject({ quota: 3, awarded: 5 });

    // A tie straddling the line from rank 2 (ranks 1, 2, 2, 2 with quota 3) also admits all.
    const b = Array.from({ length: 20 }, (_, i) => cand(`t${String(i).padStart(2, '0')}`, { coverage: i === 0 ? 100 : i < 4 ? 98 : 80 - i }));
    expect(
      rankSchools(b, settings)
        .rows.filter((r) => r.awarded)
        .map((r) => r.rank),
    ).toEqual([1, 2, 2, 2]);
  });

  it('rejects duplicate schools', () => {
    expect(() => rankSchools([cand('a'), cand('a')], settings)).toThrow(RangeError);
  });

  it('property: ranks are competition ranks consistent with composite order', () => {
    const arb = fc.array(
      fc.record({
        coverage: fc.constantFrom(80, 90, 100),
        timeliness: fc.constantFrom(80, 90),
        score: fc.constantFrom(null, 85, 95),
        satisfaction: fc.constantFrom(85, 95),
        eligible: fc.boolean(),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const cands = xs.map((x, i) => cand(`s${i}`, { ...x, reasons: x.eligible ? [] : ['reportsNotApproved'] }));
        const { rows, groups } = rankSchools(cands, settings);
        const ranked = rows.filter((r) => r.eligible);
        ranked.forEach((r, i) => {
          const better = ranked.filter((o) => o.composite > r.composite).length;
          expect(r.rank).toBeGreaterThanOrEqual(better + 1);
          expect(r.rank).toBeLessThanOrEqual(i + 1);
          if (i > 0) expect(ranked[i - 1].composite).toBeGreaterThanOrEqual(r.composite);
        });
        expect(rows.filter((r) => !r.eligible).every((r) => r.rank === null && !r.awarded)).toBe(true);
        const g = groups[0];
        if (g) expect(g.awarded).toBe(rows.filter((r) => r.awarded).length);
      }),
    );
  });
});
