import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addWorkingDays, isWorkingDay, subtractWorkingDays } from './working-days';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from './dates';

const labourDay2026 = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'];

describe('isWorkingDay', () => {
  it('weekends and holidays are not working days; make-up days are', () => {
    expect(isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-05-04', labourDay2026)).toBe(false); // Monday holiday
    expect(isWorkingDay('2026-05-09', [], ['2026-05-09'])).toBe(true); // 调休 Saturday
    expect(isWorkingDay('2026-05-09', ['2026-05-09'], ['2026-05-09'])).toBe(false);
  });
});

describe('addWorkingDays (公示 period end, §6)', () => {
  it('the start day does not count', () => {
    expect(addWorkingDays('2026-03-02', 5)).toBe('2026-03-09'); // Mon → next Mon
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('skips weekends', () => {
    expect(addWorkingDays('2026-03-06', 5)).toBe('2026-03-13'); // Fri → next Fri
    expect(addWorkingDays('2026-03-07', 5)).toBe('2026-03-13'); // published on Saturday
    expect(addWorkingDays('2026-03-08', 1)).toBe('2026-03-09'); // Sunday → Monday
    expect(addWorkingDays('2026-03-05', 2)).toBe('2026-03-09'); // Thu → Fri, Mon
  });

  it('skips holidays (劳动节 1–5 May 2026) and honours a make-up Saturday', () => {
    expect(addWorkingDays('2026-04-30', 5, labourDay2026)).toBe('2026-05-12');
    expect(addWorkingDays('2026-04-30', 5, new Set(labourDay2026))).toBe('2026-05-12');
    expect(addWorkingDays('2026-04-30', 5, labourDay2026, ['2026-05-09'])).toBe('2026-05-11');
    expect(addWorkingDays('2026-04-30', 5)).toBe('2026-05-07'); // without the holidays
  });

  it('crosses a year boundary (New Year holiday on Friday 2027-01-01)', () => {
    expect(addWorkingDays('2026-12-30', 5, ['2027-01-01'])).toBe('2027-01-07');
    expect(addWorkingDays('2026-12-30', 5)).toBe('2027-01-06');
    expect(addWorkingDays('2026-12-31', 1, ['2027-01-01'])).toBe('2027-01-04');
  });

  it('rejects bad input', () => {
    expect(() => addWorkingDays('2026-02-30', 5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });

  it('property: the end is a working day and exactly n working days lie in (start, end]', () => {
    const day = fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2028-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), fc.array(day, { maxLength: 15 }), (start, n, hol) => {
        const end = addWorkingDays(start, n, hol);
        expect(isWorkingDay(end, hol)).toBe(true);
        let count = 0;
        for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(d, hol)) count += 1;
        expect(count).toBe(n);
        expect([0, 6]).not.toContain(dayOfWeek(end));
      }),
    );
  });
});

describe('subtractWorkingDays (§3 事前公开 deadline in working days)', () => {
  it('counts back n working days, the result included', () => {
    expect(subtractWorkingDays('2026-05-18', 5)).toBe('2026-05-11'); // Mon → previous Mon
    expect(subtractWorkingDays('2026-05-15', 5)).toBe('2026-05-08'); // Fri → previous Fri
    expect(subtractWorkingDays('2026-05-17', 1)).toBe('2026-05-15'); // Sunday → Friday
    expect(subtractWorkingDays('2026-05-18', 0)).toBe('2026-05-18');
    expect(subtractWorkingDays('2026-05-08', 5, labourDay2026)).toBe('2026-04-28');
    expect(() => subtractWorkingDays('2026-05-18', -1)).toThrow(RangeError);
  });

  it('property: adding the working days back reaches the last working day before the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-12-31') }), fc.integer({ min: 1, max: 20 }), (n, k) => {
        const end = fromDayNumber(n);
        const start = subtractWorkingDays(end, k);
        expect(isWorkingDay(start)).toBe(true);
        let lastBefore = addDays(end, -1);
        while (!isWorkingDay(lastBefore)) lastBefore = addDays(lastBefore, -1);
        expect(addWorkingDays(start, k - 1)).toBe(lastBefore);
      }),
    );
  });
});
