import { describe, expect, it } from 'vitest';
import { checkTransition, isEditableByCoordinator, submissionNotBefore, submissionOpensOn } from './workflow';

describe('report workflow (§5)', () => {
  it('follows draft → submitted → returned → submitted → approved', () => {
    expect(checkTransition('submit', 'draft', 'coordinator')).toEqual({ ok: true, to: 'submitted' });
    expect(checkTransition('return', 'submitted', 'evaluator', '请补充M01凭证')).toEqual({ ok: true, to: 'returned' });
    expect(checkTransition('submit', 'returned', 'coordinator')).toEqual({ ok: true, to: 'submitted' });
    expect(checkTransition('approve', 'submitted', 'evaluator')).toEqual({ ok: true, to: 'approved' });
  });
  it('locks an approved report; only an evaluator with a reason reopens it', () => {
    expect(checkTransition('submit', 'approved', 'coordinator')).toEqual({ ok: false, reason: 'wrongState' });
    expect(checkTransition('reopen', 'approved', 'evaluator', '  ')).toEqual({ ok: false, reason: 'reasonRequired' });
    expect(checkTransition('reopen', 'approved', 'leader', '复核')).toEqual({ ok: false, reason: 'wrongRole' });
    expect(checkTransition('reopen', 'approved', 'evaluator', '复核')).toEqual({ ok: true, to: 'returned' });
  });
  it('refuses skipping states and wrong roles', () => {
    expect(checkTransition('approve', 'draft', 'evaluator')).toEqual({ ok: false, reason: 'wrongState' });
    expect(checkTransition('return', 'submitted', 'coordinator', 'x')).toEqual({ ok: false, reason: 'wrongRole' });
    expect(checkTransition('return', 'submitted', 'evaluator')).toEqual({ ok: false, reason: 'reasonRequired' });
  });
  it('lets coordinators edit only draft and returned reports', () => {
    expect(['draft', 'submitted', 'returned', 'approved'].filter((s) => isEditableByCoordinator(s as never))).toEqual(['draft', 'returned']);
  });
});

describe('when a quarterly report may be submitted (§3)', () => {
  const q4 = { year: 2026, quarter: 4 as const };
  const met = { met: true };
  const open = { met: false };
  it('opens the day after the quarter ends', () => {
    expect(submissionOpensOn(q4)).toBe('2027-01-01');
    expect(submissionOpensOn({ year: 2026, quarter: 1 })).toBe('2026-04-01');
  });
  it('issue 14: refused on 5 December with obligations not yet met; allowed from 1 January whatever is met', () => {
    expect(submissionNotBefore(q4, '2026-12-05', [met, open, open])).toBe('2027-01-01');
    expect(submissionNotBefore(q4, '2026-12-31', [met, open])).toBe('2027-01-01');
    expect(submissionNotBefore(q4, '2027-01-01', [met, open])).toBeNull();
    expect(submissionNotBefore(q4, '2027-02-20', [open])).toBeNull();
  });
  it('earlier only when every obligation of the quarter is met', () => {
    expect(submissionNotBefore(q4, '2026-12-05', [met, met])).toBeNull();
    expect(submissionNotBefore(q4, '2026-12-05', [])).toBe('2027-01-01');
  });
});
