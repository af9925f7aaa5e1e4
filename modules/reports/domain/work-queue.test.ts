import { describe, expect, it } from 'vitest';
import { findingWork, groupWork, reportWork, waitedDays, WORK_KINDS } from './work-queue';

const at = (s: string) => new Date(`${s}T10:00:00+08:00`);
const TODAY = '2026-11-23';

describe('reports in the work queue', () => {
  it('a submitted report waits for review from its latest submission', () => {
    expect(reportWork({ state: 'submitted', lastSubmittedAt: at('2026-10-09'), returnedAt: at('2026-10-12'), dueOn: '2026-10-15' }, TODAY)).toEqual({ kind: 'review', since: '2026-10-09' });
  });
  it('a returned report waits for the school from its return', () => {
    expect(reportWork({ state: 'returned', lastSubmittedAt: at('2026-10-09'), returnedAt: at('2026-10-12'), dueOn: '2026-10-15' }, TODAY)).toEqual({ kind: 'returned', since: '2026-10-12' });
  });
  it('a report not submitted is overdue only after its due date (§8)', () => {
    expect(reportWork({ state: 'draft', lastSubmittedAt: null, returnedAt: null, dueOn: '2026-10-15' }, TODAY)).toEqual({ kind: 'overdueReport', since: '2026-10-15' });
    expect(reportWork({ state: 'none', lastSubmittedAt: null, returnedAt: null, dueOn: '2026-11-23' }, TODAY)).toBeNull();
    expect(reportWork({ state: 'none', lastSubmittedAt: null, returnedAt: null, dueOn: '2026-11-22' }, TODAY)?.kind).toBe('overdueReport');
  });
  it('an approved report waits for nobody', () => {
    expect(reportWork({ state: 'approved', lastSubmittedAt: at('2026-10-09'), returnedAt: null, dueOn: '2026-10-15' }, TODAY)).toBeNull();
  });
});

describe('findings in the work queue', () => {
  const base = { dueOn: '2026-11-30', raisedAt: at('2026-11-01'), respondedAt: null, reopenedAt: null };
  it('an answered finding waits for the evaluator, even after its due date', () => {
    expect(findingWork({ ...base, status: 'responded', respondedAt: at('2026-11-05'), dueOn: '2026-11-10' }, TODAY)).toEqual({ kind: 'rectification', since: '2026-11-05' });
  });
  it('an open finding waits for the school until its due date, then is overdue', () => {
    expect(findingWork({ ...base, status: 'open' }, TODAY)).toEqual({ kind: 'awaitingRectification', since: '2026-11-01' });
    expect(findingWork({ ...base, status: 'open', dueOn: '2026-11-20' }, TODAY)).toEqual({ kind: 'overdueFinding', since: '2026-11-20' });
  });
  it('a reopened finding waits from its reopening', () => {
    expect(findingWork({ ...base, status: 'open', reopenedAt: at('2026-11-15') }, TODAY)).toEqual({ kind: 'awaitingRectification', since: '2026-11-15' });
  });
  it('a closed finding waits for nobody', () => {
    expect(findingWork({ ...base, status: 'closed' }, TODAY)).toBeNull();
  });
});

describe('order', () => {
  it('counts whole days waited', () => {
    expect(waitedDays('2026-10-09', TODAY)).toBe(45);
    expect(waitedDays(TODAY, TODAY)).toBe(0);
  });
  it('groups by section, oldest first, ties by school code', () => {
    const g = groupWork([
      { kind: 'review', since: '2026-11-01', schoolCode: 'dc09', sortKey: 'a' },
      { kind: 'review', since: '2026-10-09', schoolCode: 'dc12', sortKey: 'a' },
      { kind: 'review', since: '2026-10-09', schoolCode: 'dc04', sortKey: 'a' },
      { kind: 'returned', since: '2026-10-01', schoolCode: 'dc01', sortKey: 'a' },
    ]);
    expect(Object.keys(g)).toEqual([...WORK_KINDS]);
    expect(g.review.map((x) => x.schoolCode)).toEqual(['dc04', 'dc12', 'dc09']);
    expect(g.returned).toHaveLength(1);
    expect(g.overdueReport).toEqual([]);
  });
});
