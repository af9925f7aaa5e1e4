import { describe, expect, it } from 'vitest';
import { rubricIssues, rubricTotal, yearScore } from './scores';
import type { Rubric } from '@/core/domain/types';

const full: Rubric = { attention: 20, content: 20, form: 20, procedure: 20, rules: 20 };

describe('rubric (§4)', () => {
  it('sums the five dimensions', () => {
    expect(rubricTotal(full)).toBe(100);
    expect(rubricTotal({ attention: 18, content: 17.5, form: 16, procedure: 19, rules: 0 })).toBe(70.5);
    expect(rubricTotal({ attention: 0.1, content: 0.2, form: 0, procedure: 0, rules: 0 })).toBe(0.3);
  });

  it('validates each dimension is within 0–20', () => {
    expect(rubricIssues(full)).toEqual([]);
    expect(rubricIssues({ ...full, content: 21, rules: -1 })).toEqual(['content', 'rules']);
    expect(rubricIssues({ ...full, form: Number.NaN })).toEqual(['form']);
    expect(() => rubricTotal({ ...full, procedure: 20.5 })).toThrow(RangeError);
  });
});

describe('yearScore (§4)', () => {
  it('is the mean of the scored quarters only', () => {
    expect(yearScore([80, null, 90, null])).toBe(85);
    expect(yearScore([80, 85, 90, 95])).toBe(87.5);
    expect(yearScore([90, 85, 86])).toBe(87);
    expect(yearScore([100, 90, 90])).toBe(280 / 3); // exact: rounded once where shown
    expect(yearScore([92.5, 93])).toBe(92.75); // issue 14: shown with one decimal it is 92.8 everywhere
  });

  it('is null when nothing is scored and rejects out-of-range scores', () => {
    expect(yearScore([null, null, null, null])).toBeNull();
    expect(yearScore([])).toBeNull();
    expect(() => yearScore([101])).toThrow(RangeError);
  });
});
