import { describe, expect, it } from 'vitest';
import { checkTransition, isEditableByCoordinator } from './workflow';

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
