import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateResponses, combinedSatisfaction, groupSatisfaction, mergeAggregates, pooledSatisfaction, schoolSatisfaction, type SurveyResponse } from './satisfaction';

const resp = (...overall: number[]): SurveyResponse[] => overall.map((o) => ({ overall: o }));

describe('groupSatisfaction (§4)', () => {
  it('满意率 = share answering 4 or 5; mean score; n; valid at ≥ 10', () => {
    const g = groupSatisfaction(aggregateResponses(resp(5, 5, 4, 4, 4, 3, 3, 2, 1, 5)));
    expect(g).toMatchObject({ n: 10, visible: true, valid: true, satisfactionRate: 60, meanScore: 3.6 });
  });

  it('is exact (§4: rounded once, where shown)', () => {
    const g = groupSatisfaction(aggregateResponses(resp(5, 5, 3, 4, 2, 1, 5, 5, 5, 4, 4, 3)));
    expect(g.satisfactionRate).toBe((8 / 12) * 100);
    expect(g.meanScore).toBe(46 / 12);
  });

  it('5–9 responses: visible but not valid', () => {
    const g = groupSatisfaction(aggregateResponses(resp(5, 5, 5, 5, 1, 4, 4, 4, 4)));
    expect(g).toMatchObject({ n: 9, visible: true, valid: false, satisfactionRate: (8 / 9) * 100 });
  });

  it('anonymity floor: fewer than 5 responses ⇒ all figures null', () => {
    const g = groupSatisfaction(aggregateResponses([{ overall: 5, answers: { q1: 5 } }, ...resp(1, 2, 3)]));
    expect(g).toEqual({ n: 4, visible: false, valid: false, satisfactionRate: null, meanScore: null, questionMeans: null });
  });

  it('minResponses is configurable but never below the anonymity floor', () => {
    const agg = aggregateResponses(resp(5, 5, 5, 5, 5, 5));
    expect(groupSatisfaction(agg, { minResponses: 6 }).valid).toBe(true);
    expect(groupSatisfaction(agg, { minResponses: 7 }).valid).toBe(false);
    expect(groupSatisfaction(aggregateResponses(resp(5, 5, 5)), { minResponses: 3 }).valid).toBe(false);
    expect(() => groupSatisfaction(agg, { minResponses: 0 })).toThrow(RangeError);
  });

  it('per-question means skip nulls and hide questions with fewer than 5 answers', () => {
    const rs: SurveyResponse[] = [
      { overall: 5, answers: { onTime: 4, congress: 2 } },
      { overall: 4, answers: { onTime: 5, congress: null } },
      { overall: 4, answers: { onTime: 3 } },
      { overall: 3, answers: { onTime: 4 } },
      { overall: 2, answers: { onTime: 5, congress: null } },
    ];
    expect(groupSatisfaction(aggregateResponses(rs)).questionMeans).toEqual({ onTime: 4.2, congress: null });
  });

  it('rejects answers outside 1–5', () => {
    expect(() => aggregateResponses(resp(6))).toThrow(RangeError);
    expect(() => aggregateResponses([{ overall: 3, answers: { q: 0 } }])).toThrow(RangeError);
    expect(() => aggregateResponses(resp(3.5))).toThrow(RangeError);
  });
});

describe('combined (§4)', () => {
  it('is the mean of the valid groups only', () => {
    const teachers = aggregateResponses(resp(...Array(10).fill(5))); // 100
    const parentsValid = aggregateResponses(resp(...Array(6).fill(4), ...Array(6).fill(2))); // 50, n = 12
    const parentsSmall = aggregateResponses(resp(1, 1, 1, 1, 1, 1)); // n = 6, invalid
    expect(schoolSatisfaction({ teachers, parents: parentsValid }).combined).toBe(75);
    expect(schoolSatisfaction({ teachers, parents: parentsSmall }).combined).toBe(100);
    expect(schoolSatisfaction({ parents: parentsSmall }).combined).toBeNull();
    const s = schoolSatisfaction({ teachers });
    expect(s.groups.parents).toMatchObject({ n: 0, visible: false, valid: false });
    expect(combinedSatisfaction([])).toBeNull();
  });

  it('property: aggregating in parts equals aggregating at once; rates within 0..100', () => {
    const likert = fc.integer({ min: 1, max: 5 });
    const r = fc.record({ overall: likert, answers: fc.record({ a: fc.option(likert, { nil: null }) }) });
    fc.assert(
      fc.property(fc.array(r, { maxLength: 40 }), fc.array(r, { maxLength: 40 }), (x, y) => {
        const whole = aggregateResponses([...x, ...y]);
        expect(mergeAggregates(aggregateResponses(x), aggregateResponses(y))).toEqual(whole);
        const g = groupSatisfaction(whole);
        if (g.visible) {
          expect(g.satisfactionRate!).toBeGreaterThanOrEqual(0);
          expect(g.satisfactionRate!).toBeLessThanOrEqual(100);
          expect(g.meanScore!).toBeGreaterThanOrEqual(1);
          expect(g.meanScore!).toBeLessThanOrEqual(5);
        } else {
          expect(g.satisfactionRate).toBeNull();
        }
      }),
    );
  });
});

describe('pooledSatisfaction (§4: district and zone 满意率)', () => {
  const many = (n: number, v: number) => resp(...Array(n).fill(v));
  it('pools the responses of the schools shown per group, then takes the mean of the valid groups', () => {
    const a = { teachers: aggregateResponses([...many(9, 5), ...many(1, 2)]), parents: aggregateResponses([...many(10, 4), ...many(10, 1)]) }; // 90 %, 50 %
    const b = { teachers: aggregateResponses([...many(30, 5), ...many(10, 3)]), parents: aggregateResponses(many(12, 5)) }; // 75 %, 100 %
    const hidden = { teachers: aggregateResponses(many(4, 1)) }; // under the anonymity floor: left out
    const d = pooledSatisfaction([a, b, hidden]);
    expect(d.groups.teachers).toMatchObject({ n: 50, satisfactionRate: 78 }); // 39 / 50
    expect(d.groups.parents).toMatchObject({ n: 32, satisfactionRate: 68.75 }); // 22 / 32
    expect(d.combined).toBe((78 + 68.75) / 2);
    // issue 14: the mean of the schools' combined figures is another number (and was shown on the overview).
    const meanOfSchools = (schoolSatisfaction(a).combined! + schoolSatisfaction(b).combined!) / 2;
    expect(meanOfSchools).not.toBe(d.combined);
  });
  it('a group without valid pooled responses stays out of the combined figure', () => {
    expect(pooledSatisfaction([{ teachers: aggregateResponses(many(6, 5)) }]).combined).toBeNull();
    expect(pooledSatisfaction([]).combined).toBeNull();
  });
});

describe('hardening', () => {
  it('question ids cannot pollute Object.prototype', () => {
    const rs: SurveyResponse[] = Array.from({ length: 5 }, () => ({ overall: 4, answers: JSON.parse('{"__proto__": 3}') }));
    const g = groupSatisfaction(aggregateResponses(rs));
    expect(g.questionMeans?.['__proto__']).toBe(3);
    expect(({} as Record<string, unknown>).count).toBeUndefined();
  });
});
