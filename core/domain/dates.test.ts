import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  assertLocalDate,
  compareLocalDates,
  dayOfWeek,
  daysInMonth,
  diffDays,
  endOfLocalDayInstant,
  fromDayNumber,
  isLocalDate,
  localDate,
  localDateOf,
  monthEndDate,
  parseLocalDate,
  quarterEndDate,
  quarterOfDate,
  quarterStartDate,
  startOfLocalDayInstant,
  toDayNumber,
} from './dates';

describe('parse / validate', () => {
  it('accepts real calendar dates only', () => {
    expect(parseLocalDate('2026-03-31')).toBe('2026-03-31');
    expect(parseLocalDate('2028-02-29')).toBe('2028-02-29');
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2026-13-01')).toBeNull();
    expect(parseLocalDate('2026-4-1')).toBeNull();
    expect(parseLocalDate('2026-04-01T00:00')).toBeNull();
    expect(parseLocalDate('')).toBeNull();
    expect(isLocalDate('2026-04-31')).toBe(false);
    expect(isLocalDate(20260401)).toBe(false);
    expect(() => assertLocalDate('2026-00-10')).toThrow(RangeError);
    expect(() => localDate(2026, 2, 30)).toThrow(RangeError);
  });

  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(monthEndDate(2028, 2)).toBe('2028-02-29');
    expect(monthEndDate(2026, 2)).toBe('2026-02-28');
    expect(monthEndDate(2026, 4)).toBe('2026-04-30');
  });
});

describe('arithmetic', () => {
  it('adds days across month, leap and year boundaries', () => {
    expect(addDays('2026-12-31', 10)).toBe('2027-01-10');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-31', 15)).toBe('2026-04-15');
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
    expect(diffDays('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('compares', () => {
    expect(compareLocalDates('2026-01-09', '2026-01-10')).toBe(-1);
    expect(compareLocalDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareLocalDates('2027-01-01', '2026-12-31')).toBe(1);
  });

  it('weekday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-01-03')).toBe(6); // Saturday
    expect(dayOfWeek('2026-01-04')).toBe(0); // Sunday
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('property: addDays/diffDays round-trip and order agrees with day numbers', () => {
    const day = fc.integer({ min: -300_000, max: 2_000_000 }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const e = addDays(d, n);
        expect(diffDays(d, e)).toBe(n);
        expect(compareLocalDates(d, e)).toBe(Math.sign(n) === 0 ? 0 : -Math.sign(n));
        expect(fromDayNumber(toDayNumber(d))).toBe(d);
      }),
    );
  });
});

describe('quarters', () => {
  it('maps dates to quarters and bounds', () => {
    expect(quarterOfDate('2026-01-01')).toBe(1);
    expect(quarterOfDate('2026-03-31')).toBe(1);
    expect(quarterOfDate('2026-04-01')).toBe(2);
    expect(quarterOfDate('2026-09-30')).toBe(3);
    expect(quarterOfDate('2026-12-31')).toBe(4);
    expect(quarterStartDate(2026, 3)).toBe('2026-07-01');
    expect(quarterEndDate(2026, 1)).toBe('2026-03-31');
    expect(quarterEndDate(2026, 2)).toBe('2026-06-30');
    expect(quarterEndDate(2026, 4)).toBe('2026-12-31');
  });
});

describe('instants in Asia/Shanghai (independent of process TZ)', () => {
  it('localDateOf uses Shanghai wall clock', () => {
    // 2026-04-15T16:00Z is 2026-04-16 00:00 in Shanghai.
    expect(localDateOf(new Date('2026-04-15T15:59:59.999Z'))).toBe('2026-04-15');
    expect(localDateOf(new Date('2026-04-15T16:00:00.000Z'))).toBe('2026-04-16');
    expect(localDateOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(() => localDateOf(new Date('nope'))).toThrow(RangeError);
  });

  it('end and start of a Shanghai day', () => {
    expect(endOfLocalDayInstant('2026-04-15').toISOString()).toBe('2026-04-15T15:59:59.999Z');
    expect(startOfLocalDayInstant('2026-04-16').toISOString()).toBe('2026-04-15T16:00:00.000Z');
    expect(endOfLocalDayInstant('2027-01-10').getTime()).toBe(new Date('2027-01-10T23:59:59.999+08:00').getTime());
  });
});
