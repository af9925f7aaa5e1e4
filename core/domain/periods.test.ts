import { describe, expect, it } from 'vitest';
import {
  closeDate,
  periodInProgress,
  compareQuarters,
  currentQuarter,
  halfKey,
  isQuarterClosed,
  isReportOnTime,
  monthKey,
  nextQuarter,
  parsePeriodKey,
  previousQuarter,
  quarterKey,
  reportDueDate,
  reportDueInstant,
  termKey,
  yearKey,
} from './periods';

const Q1_2026 = { year: 2026, quarter: 1 } as const;

describe('report due date and instant (§3)', () => {
  it('is quarter end + reportDueDays', () => {
    expect(reportDueDate(Q1_2026)).toBe('2026-04-15');
    expect(reportDueDate(Q1_2026, 15)).toBe('2026-04-15');
    expect(reportDueDate({ year: 2026, quarter: 4 })).toBe('2027-01-15');
    expect(reportDueDate({ year: 2026, quarter: 2 }, 0)).toBe('2026-06-30');
    expect(() => reportDueDate(Q1_2026, -1)).toThrow(RangeError);
  });

  it('is due at 23:59:59 Asia/Shanghai on the due date', () => {
    expect(reportDueInstant(Q1_2026, 15).toISOString()).toBe('2026-04-15T15:59:59.999Z');
  });

  it('2026-Q1: 23:59:59+08:00 on 15 Apr is on time, 00:00+08:00 on 16 Apr is late', () => {
    expect(isReportOnTime(new Date('2026-04-15T23:59:59+08:00'), Q1_2026, 15)).toBe(true);
    expect(isReportOnTime(new Date('2026-04-15T23:59:59.999+08:00'), Q1_2026, 15)).toBe(true);
    expect(isReportOnTime(new Date('2026-04-16T00:00:00+08:00'), Q1_2026, 15)).toBe(false);
    // Same instants written in UTC.
    expect(isReportOnTime(new Date('2026-04-15T15:59:59Z'), Q1_2026, 15)).toBe(true);
    expect(isReportOnTime(new Date('2026-04-15T16:00:00Z'), Q1_2026, 15)).toBe(false);
    // Early submissions are on time.
    expect(isReportOnTime(new Date('2026-03-20T09:00:00+08:00'), Q1_2026)).toBe(true);
    expect(() => isReportOnTime(new Date('x'), Q1_2026)).toThrow(RangeError);
  });
});

describe('close date (§3)', () => {
  it('is quarter end + closeDays', () => {
    expect(closeDate(Q1_2026)).toBe('2026-05-15');
    expect(closeDate({ year: 2026, quarter: 4 }, 45)).toBe('2027-02-14');
    expect(isQuarterClosed(Q1_2026, '2026-05-15')).toBe(false);
    expect(isQuarterClosed(Q1_2026, '2026-05-16')).toBe(true);
  });
});

describe('current quarter in Shanghai', () => {
  it('switches at Shanghai midnight, not UTC midnight', () => {
    expect(currentQuarter(new Date('2026-03-31T15:59:59Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(currentQuarter(new Date('2026-03-31T16:00:00Z'))).toEqual({ year: 2026, quarter: 2 });
    expect(currentQuarter(new Date('2026-12-31T16:30:00Z'))).toEqual({ year: 2027, quarter: 1 });
  });

  it('navigates quarters', () => {
    expect(previousQuarter(Q1_2026)).toEqual({ year: 2025, quarter: 4 });
    expect(nextQuarter({ year: 2026, quarter: 4 })).toEqual({ year: 2027, quarter: 1 });
    expect(nextQuarter(Q1_2026)).toEqual({ year: 2026, quarter: 2 });
    expect(compareQuarters(Q1_2026, { year: 2025, quarter: 4 })).toBe(1);
    expect(compareQuarters(Q1_2026, Q1_2026)).toBe(0);
  });
});

describe('period keys (§3)', () => {
  it('formats', () => {
    expect(monthKey(2026, 3)).toBe('2026-03');
    expect(monthKey(2026, 12)).toBe('2026-12');
    expect(quarterKey(Q1_2026)).toBe('2026-Q1');
    expect(halfKey(2026, 2)).toBe('2026-H2');
    expect(termKey(2026, 1)).toBe('2026-T1');
    expect(yearKey(2026)).toBe('2026');
    expect(() => monthKey(2026, 13)).toThrow(RangeError);
  });

  it('parses calendar keys and rejects others (event ids)', () => {
    expect(parsePeriodKey('2026-03')).toEqual({ kind: 'month', year: 2026, index: 3 });
    expect(parsePeriodKey('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, index: 4 });
    expect(parsePeriodKey('2026-H1')).toEqual({ kind: 'half', year: 2026, index: 1 });
    expect(parsePeriodKey('2026-T2')).toEqual({ kind: 'term', year: 2026, index: 2 });
    expect(parsePeriodKey('2026')).toEqual({ kind: 'year', year: 2026 });
    expect(parsePeriodKey('2026-13')).toBeNull();
    expect(parsePeriodKey('2026-Q5')).toBeNull();
    expect(parsePeriodKey('3f1c2a9e-0000-4000-8000-000000000001')).toBeNull();
  });
});

describe('periodInProgress (§4)', () => {
  it('a quarter or a year is in progress through its last day', () => {
    expect(periodInProgress({ year: 2026, quarter: 4 }, '2026-11-23')).toBe(true);
    expect(periodInProgress({ year: 2026, quarter: 3 }, '2026-11-23')).toBe(false);
    expect(periodInProgress({ year: 2026, quarter: 3 }, '2026-09-30')).toBe(true);
    expect(periodInProgress({ year: 2026, quarter: null }, '2026-12-31')).toBe(true);
    expect(periodInProgress({ year: 2025, quarter: null }, '2026-01-01')).toBe(false);
  });
});
