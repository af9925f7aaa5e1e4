import { describe, expect, it } from 'vitest';
import { explainComposite, rankingChanges } from './explain';
import { DEFAULT_SETTINGS } from '@/core/domain/types';

const W = DEFAULT_SETTINGS.weights;

describe('explainComposite (§6)', () => {
  it('lists value, weight and contribution of every component; composite from the core', () => {
    const r = explainComposite({ coverage: 90, timeliness: 80, score: 85, satisfaction: 95 }, W);
    expect(r.composite).toBe(87.5);
    expect(r.parts).toEqual([
      { component: 'coverage', value: 90, missing: false, weight: 0.3, contribution: 27 },
      { component: 'timeliness', value: 80, missing: false, weight: 0.2, contribution: 16 },
      { component: 'score', value: 85, missing: false, weight: 0.3, contribution: 25.5 },
      { component: 'satisfaction', value: 95, missing: false, weight: 0.2, contribution: 19 },
    ]);
  });

  it('marks a missing component, which counts as 0', () => {
    const r = explainComposite({ coverage: 100, timeliness: 100, score: null, satisfaction: null }, W);
    expect(r.parts.find((p) => p.component === 'score')).toEqual({ component: 'score', value: 0, missing: true, weight: 0.3, contribution: 0 });
    expect(r.composite).toBe(50);
  });

  it('uses the rounded components, like the ranking', () => {
    const r = explainComposite({ coverage: 83.335, timeliness: 66.666, score: 91.004, satisfaction: 77.777 }, W);
    expect(r.parts.map((p) => p.value)).toEqual([83.34, 66.67, 91, 77.78]);
    expect(r.parts.map((p) => p.contribution)).toEqual([25, 13.33, 27.3, 15.56]);
    expect(r.composite).toBe(81.19);
  });
});

describe('rankingChanges', () => {
  const row = (schoolId: string, composite: number, rank: number | null, inQuota = false, eligible = rank !== null) => ({ schoolId, composite, rank, inQuota, eligible });
  it('lists only schools whose result changed, with what changed', () => {
    const before = [row('a', 95, 1, true), row('b', 90, 2), row('c', 80, null), row('gone', 70, 3)];
    const after = [row('a', 95, 1, true), row('b', 91, 2), row('c', 86, 3), row('new', 60, null)];
    expect(rankingChanges(before, after)).toEqual([
      { schoolId: 'b', changes: ['composite'] },
      { schoolId: 'c', changes: ['composite', 'eligible', 'rank'] },
      { schoolId: 'new', changes: ['added'] },
      { schoolId: 'gone', changes: ['removed'] },
    ]);
    expect(rankingChanges(after, after)).toEqual([]);
  });
});
