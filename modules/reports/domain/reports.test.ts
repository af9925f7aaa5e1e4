import { describe, expect, it } from 'vitest';
import { dueReportQuarters, isReportDue, reportFigures, type ReportFact } from './reports';

const at = (iso: string) => new Date(iso);

describe('reportFigures (§4)', () => {
  const reports: ReportFact[] = [
    { quarter: 1, state: 'approved', submittedAt: at('2026-04-15T23:59:59+08:00') }, // on time
    { quarter: 2, state: 'approved', submittedAt: at('2026-07-16T00:00:00+08:00') }, // late by a second
    { quarter: 3, state: 'returned', submittedAt: at('2026-10-10T10:00:00+08:00') }, // on time, returned
    { quarter: 4, state: 'draft', submittedAt: null },
  ];

  it('year figures: on time / 4, submitted / 4', () => {
    expect(reportFigures(reports, 2026, 15)).toEqual({
      expected: 4,
      submitted: 3,
      onTime: 2,
      approved: 2,
      completeness: 75,
      onTimeRate: 50,
    });
  });

  it('a missing report row counts as not submitted', () => {
    const f = reportFigures(reports.slice(0, 1), 2026, 15);
    expect(f).toMatchObject({ submitted: 1, onTime: 1, completeness: 25, onTimeRate: 25 });
  });

  it('respects expected quarters for a year in progress', () => {
    const f = reportFigures(reports, 2026, 15, [1, 2]);
    expect(f).toMatchObject({ expected: 2, submitted: 2, onTime: 1, completeness: 100, onTimeRate: 50 });
    expect(reportFigures(reports, 2026, 15, [])).toMatchObject({ expected: 0, completeness: null, onTimeRate: null });
  });

  it('Q4 is due on 15 January of the next year', () => {
    const q4: ReportFact[] = [{ quarter: 4, state: 'submitted', submittedAt: at('2027-01-15T23:00:00+08:00') }];
    expect(reportFigures(q4, 2026, 15, [4]).onTime).toBe(1);
    expect(reportFigures(q4, 2026, 10, [4]).onTime).toBe(0);
  });

  it('rejects two reports for one quarter', () => {
    expect(() => reportFigures([reports[0], reports[0]], 2026)).toThrow(RangeError);
  });
});

describe('reports due (§4: a period in progress counts only what is due)', () => {
  it('a report is due once its due date (quarter end + reportDueDays) is before today', () => {
    expect(isReportDue(2026, 3, '2026-10-15')).toBe(false);
    expect(isReportDue(2026, 3, '2026-10-16')).toBe(true);
    expect(dueReportQuarters(2026, '2026-11-23')).toEqual([1, 2, 3]);
    expect(dueReportQuarters(2026, '2027-01-16')).toEqual([1, 2, 3, 4]);
    expect(dueReportQuarters(2026, '2026-11-23', 15, [4])).toEqual([]);
  });
  it('issue 14: the report rates of a year in progress count only the reports already due', () => {
    const reports: ReportFact[] = [1, 2, 3].map((q) => ({ quarter: q as 1 | 2 | 3, state: 'approved', submittedAt: at(`2026-${String(q * 3 + 1).padStart(2, '0')}-05T10:00:00+08:00`) }));
    expect(reportFigures(reports, 2026, 15, dueReportQuarters(2026, '2026-11-23'))).toMatchObject({ expected: 3, onTimeRate: 100 });
    expect(reportFigures(reports, 2026, 15)).toMatchObject({ expected: 4, onTimeRate: 75 }); // counting Q4 as if due: the collapse
  });
});
