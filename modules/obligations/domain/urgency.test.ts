import { describe, expect, it } from 'vitest';
import { obligation } from './fixtures.testutil';
import type { ObligationResult, ObligationStatus } from '@/core/domain/types';
import { compareByUrgency, groupByDomain, urgencyCounts, urgencyOf } from './urgency';

function result(over: { itemId?: string; code?: string; period?: string; deadline: string; status: ObligationStatus }): ObligationResult {
  const met = over.status === 'metOnTime' || over.status === 'metLate';
  return {
    obligation: obligation({ itemId: over.itemId ?? 'm01', itemCode: over.code ?? 'M01', periodKey: over.period ?? '2026-10', deadline: over.deadline }),
    status: over.status,
    met,
    onTime: over.status === 'metOnTime',
    firstDisclosedOn: met ? '2026-10-01' : null,
    due: over.status !== 'notYetDue',
    notBefore: false,
  };
}

const today = '2026-11-23';

describe('urgencyOf', () => {
  it('unmet past the deadline is overdue (missing or rejected)', () => {
    expect(urgencyOf(result({ deadline: '2026-11-10', status: 'missing' }), today)).toBe('overdue');
    expect(urgencyOf(result({ deadline: '2026-11-22', status: 'rejected' }), today)).toBe('overdue');
  });
  it('unmet and due within 7 days (today and the 7th day included) is dueSoon', () => {
    expect(urgencyOf(result({ deadline: today, status: 'notYetDue' }), today)).toBe('dueSoon');
    expect(urgencyOf(result({ deadline: '2026-11-30', status: 'notYetDue' }), today)).toBe('dueSoon');
    expect(urgencyOf(result({ deadline: '2026-12-01', status: 'notYetDue' }), today)).toBe('open');
  });
  it('a rejection before the deadline leaves the obligation open, not overdue', () => {
    expect(urgencyOf(result({ deadline: '2026-12-10', status: 'rejected' }), today)).toBe('open');
  });
  it('met obligations are done, on time or late', () => {
    expect(urgencyOf(result({ deadline: '2026-11-10', status: 'metLate' }), today)).toBe('done');
    expect(urgencyOf(result({ deadline: '2026-12-10', status: 'metOnTime' }), today)).toBe('done');
  });
});

describe('compareByUrgency', () => {
  it('orders overdue, due soon, open, done; then by deadline, code and period', () => {
    const rows = [
      result({ code: 'A', deadline: '2026-12-20', status: 'metOnTime' }),
      result({ code: 'B', deadline: '2026-12-20', status: 'notYetDue' }),
      result({ code: 'C', deadline: '2026-11-28', status: 'notYetDue' }),
      result({ code: 'D', deadline: '2026-11-01', status: 'missing' }),
      result({ code: 'E', deadline: '2026-11-25', status: 'notYetDue' }),
      result({ code: 'F', deadline: '2026-10-10', status: 'missing' }),
      result({ code: 'E', period: '2026-09', deadline: '2026-11-25', status: 'notYetDue' }),
    ];
    const sorted = [...rows].sort((a, b) => compareByUrgency(a, b, today));
    expect(sorted.map((r) => `${r.obligation.itemCode}:${r.obligation.periodKey}`)).toEqual(['F:2026-10', 'D:2026-10', 'E:2026-09', 'E:2026-10', 'C:2026-10', 'B:2026-10', 'A:2026-10']);
  });
});

describe('groupByDomain', () => {
  const items = new Map([
    ['g01', { domain: '综合' }],
    ['m01', { domain: '财务' }],
    ['m03', { domain: '财务' }],
    ['p04', { domain: '人事' }],
  ]);
  it('keeps the checklist’s domain order and sorts each group by urgency', () => {
    const groups = groupByDomain(
      [
        result({ itemId: 'p04', code: 'P04', deadline: '2026-12-10', status: 'notYetDue' }),
        result({ itemId: 'm01', code: 'M01', deadline: '2026-11-10', status: 'metOnTime' }),
        result({ itemId: 'm03', code: 'M03', deadline: '2026-11-10', status: 'missing' }),
        result({ itemId: 'g01', code: 'G01', deadline: '2026-12-31', status: 'notYetDue' }),
      ],
      items,
      today,
    );
    expect(groups.map((g) => g.domain)).toEqual(['综合', '财务', '人事']);
    expect(groups[1].results.map((r) => r.obligation.itemCode)).toEqual(['M03', 'M01']);
    expect(groups.map((g) => g.overdue)).toEqual([0, 1, 0]);
  });
  it('puts results of unknown items last, under an empty domain', () => {
    const groups = groupByDomain([result({ itemId: 'zz', code: 'ZZ', deadline: '2026-12-01', status: 'notYetDue' })], items, today);
    expect(groups).toEqual([expect.objectContaining({ domain: '' })]);
  });
});

describe('urgencyCounts', () => {
  it('counts each urgency', () => {
    const counts = urgencyCounts(
      [result({ deadline: '2026-11-01', status: 'missing' }), result({ deadline: '2026-11-24', status: 'notYetDue' }), result({ deadline: '2026-11-01', status: 'metLate' })],
      today,
    );
    expect(counts).toEqual({ overdue: 1, dueSoon: 1, open: 0, done: 1 });
  });
});
