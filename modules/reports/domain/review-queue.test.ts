import { describe, expect, it } from 'vitest';
import { compareQueueRows, countReports, isReportOverdue, reportRollUp } from './review-queue';

const at = (s: string) => new Date(s);

describe('report roll-ups (§4: sums, never means of percentages)', () => {
  it('counts expected, submitted and on time', () => {
    const c = countReports([
      { submittedAt: at('2026-10-10T10:00:00+08:00'), onTime: true, due: true },
      { submittedAt: at('2026-10-20T10:00:00+08:00'), onTime: false, due: true },
      { submittedAt: null, onTime: false, due: true },
    ]);
    expect(c).toEqual({ expected: 3, notYetDue: 0, submitted: 2, onTime: 1 });
  });
  it('§4: reports not yet due are counted apart and in no rate (a quarter in progress)', () => {
    const c = countReports([
      { submittedAt: null, onTime: false, due: false },
      { submittedAt: null, onTime: false, due: false },
    ]);
    expect(c).toEqual({ expected: 0, notYetDue: 2, submitted: 0, onTime: 0 });
    expect(reportRollUp([c])).toMatchObject({ completeness: null, onTimeRate: null, notYetDue: 2 });
  });

  it('a district rate is the rate of the summed counts', () => {
    const zoneA = { expected: 1, notYetDue: 0, submitted: 1, onTime: 1 }; // 100 %
    const zoneB = { expected: 3, notYetDue: 0, submitted: 1, onTime: 0 }; // 33.33 %, 0 %
    const d = reportRollUp([zoneA, zoneB]);
    expect(d).toEqual({ expected: 4, notYetDue: 0, submitted: 2, onTime: 1, completeness: 50, onTimeRate: 25 });
    // The mean of the zone percentages would be 66.67 % — not what DHIS2 reports.
    expect(d.completeness).not.toBe(66.67);
  });

  it('an empty set has no rate', () => {
    expect(reportRollUp([])).toEqual({ expected: 0, notYetDue: 0, submitted: 0, onTime: 0, completeness: null, onTimeRate: null });
  });
});

describe('overdue and queue order', () => {
  it('a report is overdue once the due date has passed without a submission', () => {
    expect(isReportOverdue(null, '2026-10-15', '2026-10-15')).toBe(false);
    expect(isReportOverdue(null, '2026-10-15', '2026-10-16')).toBe(true);
    expect(isReportOverdue(at('2026-10-20T00:00:00Z'), '2026-10-15', '2026-10-16')).toBe(false);
  });

  it('puts overdue first, then reports waiting for review, then by code', () => {
    const rows = [
      { code: 'dc03', overdue: false, state: 'approved' as const },
      { code: 'dc02', overdue: false, state: 'submitted' as const },
      { code: 'dc04', overdue: true, state: 'draft' as const },
      { code: 'dc01', overdue: false, state: 'returned' as const },
    ];
    expect([...rows].sort(compareQueueRows).map((r) => r.code)).toEqual(['dc04', 'dc02', 'dc01', 'dc03']);
  });
});
