import { describe, expect, it } from 'vitest';
import { approveBlock, noticePeriod, publishBlock, rankingState, reopenBlock, takesObjections } from './notice';

describe('noticePeriod (§6: noticeWorkingDays working days)', () => {
  it('starts the next working day and ends on the n-th working day after publication', () => {
    // Monday 2026-11-23 → Tue 24 … Mon 30 (the weekend skipped).
    expect(noticePeriod('2026-11-23', 5)).toEqual({ startsOn: '2026-11-24', endsOn: '2026-11-30' });
    // Published on a Saturday: the period starts Monday.
    expect(noticePeriod('2026-11-28', 5)).toEqual({ startsOn: '2026-11-30', endsOn: '2026-12-04' });
  });

  it("skips the district's holidays", () => {
    // 2026-10-01 … 10-07 National Day; published Tuesday 2026-09-29.
    const hol = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
    // Wed 30 Sep, Thu 8, Fri 9, Mon 12, Tue 13 Oct.
    expect(noticePeriod('2026-09-29', 5, hol)).toEqual({ startsOn: '2026-09-30', endsOn: '2026-10-13' });
    // A holiday on the first day moves the start too.
    expect(noticePeriod('2026-09-30', 1, hol).startsOn).toBe('2026-10-08');
  });

  it('zero working days: the notice starts and ends on the day of publication', () => {
    expect(noticePeriod('2026-11-23', 0)).toEqual({ startsOn: '2026-11-23', endsOn: '2026-11-23' });
  });
});

describe('objections', () => {
  const s = { state: 'notice' as const, noticeEndsOn: '2026-11-30' };
  it('are taken while the notice runs, through its last day', () => {
    expect(takesObjections(s, '2026-11-23')).toBe(true);
    expect(takesObjections(s, '2026-11-30')).toBe(true);
    expect(takesObjections(s, '2026-12-01')).toBe(false);
  });
  it('are not taken on a final or superseded snapshot', () => {
    expect(takesObjections({ ...s, state: 'final' }, '2026-11-24')).toBe(false);
    expect(takesObjections({ ...s, state: 'superseded' }, '2026-11-24')).toBe(false);
  });
});

describe('publish', () => {
  it('needs the year to be over and nothing active', () => {
    expect(publishBlock(null, 2025, '2026-11-23')).toBeNull();
    expect(publishBlock({ state: 'superseded' }, 2025, '2026-11-23')).toBeNull();
    expect(publishBlock({ state: 'notice' }, 2025, '2026-11-23')).toBe('alreadyPublished');
    expect(publishBlock({ state: 'final' }, 2025, '2026-11-23')).toBe('alreadyPublished');
    expect(publishBlock(null, 2026, '2026-12-31')).toBe('yearNotOver');
    expect(publishBlock(null, 2026, '2027-01-01')).toBeNull();
  });
});

describe('approve (§6: objections answered, a leader approves)', () => {
  const s = { state: 'notice' as const, noticeEndsOn: '2026-11-30' };
  it('only after the period and with every objection answered', () => {
    expect(approveBlock(s, '2026-11-30', 0)).toBe('noticeRunning');
    expect(approveBlock(s, '2026-12-01', 1)).toBe('objectionsOpen');
    expect(approveBlock(s, '2026-12-01', 0)).toBeNull();
  });
  it('not twice, and not a superseded version', () => {
    expect(approveBlock({ ...s, state: 'final' }, '2026-12-01', 0)).toBe('notInNotice');
    expect(approveBlock({ ...s, state: 'superseded' }, '2026-12-01', 0)).toBe('notInNotice');
  });
});

describe('reopen', () => {
  it('needs an active snapshot and a reason', () => {
    expect(reopenBlock({ state: 'final' }, '异议属实，重新核算')).toBeNull();
    expect(reopenBlock({ state: 'notice' }, 'x')).toBeNull();
    expect(reopenBlock({ state: 'final' }, '  ')).toBe('reasonRequired');
    expect(reopenBlock({ state: 'final' }, null)).toBe('reasonRequired');
    expect(reopenBlock({ state: 'superseded' }, 'x')).toBe('notActive');
  });
});

describe('rankingState', () => {
  it('is draft without an active snapshot', () => {
    expect(rankingState(null)).toBe('draft');
    expect(rankingState({ state: 'superseded' })).toBe('draft');
    expect(rankingState({ state: 'notice' })).toBe('notice');
    expect(rankingState({ state: 'final' })).toBe('final');
  });
});
