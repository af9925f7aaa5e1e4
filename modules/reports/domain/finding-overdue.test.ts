import { describe, expect, it } from 'vitest';
import { isFindingOverdue } from './finding-overdue';

describe('isFindingOverdue (§5)', () => {
  it('issue 14: a finding answered before its due date is not 逾期未交 after that date', () => {
    expect(isFindingOverdue({ status: 'responded', dueOn: '2025-11-30' }, '2026-11-23')).toBe(false);
    expect(isFindingOverdue({ status: 'closed', dueOn: '2025-11-30' }, '2026-11-23')).toBe(false);
  });
  it('an unanswered finding is overdue the day after its due date', () => {
    expect(isFindingOverdue({ status: 'open', dueOn: '2025-11-30' }, '2025-11-30')).toBe(false);
    expect(isFindingOverdue({ status: 'open', dueOn: '2025-11-30' }, '2025-12-01')).toBe(true);
  });
});
