import { describe, expect, it } from 'vitest';
import { aggregateResponses, groupSatisfaction } from './satisfaction';
import { combined, groupFigures, rollUp, tallyAnswers, type AnswerCount } from './results';

const Q = [
  { id: 'overall', isOverall: true },
  { id: 'onTime', isOverall: false },
];

/** Answer counts for a list of responses [overall, onTime]. */
function counts(responses: [number, number][]): AnswerCount[] {
  const m = new Map<string, number>();
  for (const [o, t] of responses) {
    m.set(`overall:${o}`, (m.get(`overall:${o}`) ?? 0) + 1);
    m.set(`onTime:${t}`, (m.get(`onTime:${t}`) ?? 0) + 1);
  }
  return [...m].map(([k, n]) => ({ questionId: k.split(':')[0]!, value: Number(k.split(':')[1]), n }));
}

describe('tallyAnswers → groupFigures (§4 满意率, mean, validity)', () => {
  const ten: [number, number][] = [
    [5, 4],
    [5, 5],
    [4, 4],
    [4, 3],
    [4, 4],
    [3, 2],
    [3, 3],
    [2, 2],
    [1, 1],
    [5, 5],
  ];

  it('computes the same 满意率 and mean as the domain core on raw responses', () => {
    const f = groupFigures(tallyAnswers(Q, counts(ten)), 10);
    const direct = groupSatisfaction(aggregateResponses(ten.map(([o, t]) => ({ overall: o, answers: { onTime: t } }))), { minResponses: 10 });
    expect(f).toMatchObject({ responses: 10, visible: true, valid: true, satisfactionRate: 60, meanScore: 3.6 });
    expect(f.satisfactionRate).toBe(direct.satisfactionRate);
    expect(f.questionMeans).toMatchObject({ overall: 3.6, onTime: 3.3 });
    expect(f.distribution?.overall).toEqual([1, 1, 2, 3, 3]);
  });

  it('is visible but not valid under minResponses', () => {
    const f = groupFigures(tallyAnswers(Q, counts(ten.slice(0, 7))), 10);
    expect(f).toMatchObject({ responses: 7, visible: true, valid: false });
    expect(groupFigures(tallyAnswers(Q, counts(ten.slice(0, 7))), 7).valid).toBe(true);
  });

  it('shows no figures at all under 5 responses — not even the count', () => {
    const f = groupFigures(tallyAnswers(Q, counts(ten.slice(0, 4))), 10);
    expect(f).toEqual({ visible: false, valid: false, responses: null, satisfactionRate: null, meanScore: null, questionMeans: null, distribution: null });
  });

  it('ignores answers to questions that are not Likert questions of the survey; rejects values outside 1–5', () => {
    expect(tallyAnswers(Q, [{ questionId: 'other', value: 5, n: 9 }]).agg.n).toBe(0);
    expect(() => tallyAnswers(Q, [{ questionId: 'overall', value: 6, n: 1 }])).toThrow(RangeError);
  });
});

describe('roll-ups (zones, district)', () => {
  const big = tallyAnswers(Q, counts(Array.from({ length: 10 }, () => [5, 5] as [number, number])));
  const small = tallyAnswers(Q, counts(Array.from({ length: 6 }, () => [1, 1] as [number, number])));
  const hidden = tallyAnswers(
    Q,
    counts([
      [1, 1],
      [1, 1],
      [1, 1],
    ]),
  );

  it('weights by responses, not by the schools’ percentages', () => {
    const r = rollUp([big, small], 10);
    expect(r.figures.satisfactionRate).toBe(62.5); // 10 of 16, not (100 + 0) / 2
    expect(r.figures.responses).toBe(16);
    expect(r.included).toBe(2);
  });

  it('leaves out school-groups under the anonymity floor (no recovery by subtraction)', () => {
    const r = rollUp([big, small, hidden], 10);
    expect(r.figures.responses).toBe(16);
    expect(r.hidden).toBe(1);
    expect(r.figures.distribution?.overall).toEqual([6, 0, 0, 0, 10]);
  });

  it('a roll-up of only hidden groups shows nothing', () => {
    expect(rollUp([hidden], 10).figures.visible).toBe(false);
    expect(rollUp([], 10).figures.responses).toBeNull();
  });

  it('combined is the mean of the valid groups', () => {
    expect(combined([groupFigures(big, 10), groupFigures(small, 10)])).toBe(100);
    expect(combined([groupFigures(big, 5), groupFigures(small, 5), null])).toBe(50);
    expect(combined([null, null])).toBeNull();
  });
});
