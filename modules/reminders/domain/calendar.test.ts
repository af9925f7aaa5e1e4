import { describe, expect, it } from 'vitest';
import { dailyRunDue, isFirstRunDayOfWeek, isQuietHour, isRunDay, nextSendableInstant, previousRunDay, weekStart } from './calendar';
import { DEFAULT_REMINDER_SETTINGS } from './types';

const at = (iso: string) => new Date(iso);
const NONE = new Set<string>();
// 2026-10-01…07 National Day holidays (dongcheng's seed lists them); 2026-11-23 is a Monday.
const HOLIDAYS = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);

describe('quiet hours 22:00–07:00 Asia/Shanghai', () => {
  it('are quiet from 22:00 to 06:59 and not at 07:00 or 21:59, whatever the server time zone', () => {
    expect(isQuietHour(at('2026-11-23T22:00:00+08:00'))).toBe(true);
    expect(isQuietHour(at('2026-11-23T06:59:59+08:00'))).toBe(true);
    expect(isQuietHour(at('2026-11-23T00:30:00+08:00'))).toBe(true);
    expect(isQuietHour(at('2026-11-23T07:00:00+08:00'))).toBe(false);
    expect(isQuietHour(at('2026-11-23T21:59:59+08:00'))).toBe(false);
    // 23:30 UTC is 07:30 the next morning in Shanghai.
    expect(isQuietHour(at('2026-11-23T23:30:00Z'))).toBe(false);
  });

  it('defer a message to the next 07:00', () => {
    expect(nextSendableInstant(at('2026-11-23T23:10:00+08:00')).toISOString()).toBe(at('2026-11-24T07:00:00+08:00').toISOString());
    expect(nextSendableInstant(at('2026-11-24T05:00:00+08:00')).toISOString()).toBe(at('2026-11-24T07:00:00+08:00').toISOString());
    const noon = at('2026-11-24T12:00:00+08:00');
    expect(nextSendableInstant(noon)).toBe(noon);
  });
});

describe('run days', () => {
  it('skip weekends and holidays only when the district says so', () => {
    expect(isRunDay('2026-11-21', DEFAULT_REMINDER_SETTINGS, NONE)).toBe(false); // Saturday
    expect(isRunDay('2026-11-21', { ...DEFAULT_REMINDER_SETTINGS, skipWeekends: false }, NONE)).toBe(true);
    expect(isRunDay('2026-10-05', DEFAULT_REMINDER_SETTINGS, HOLIDAYS)).toBe(false);
    expect(isRunDay('2026-10-05', { ...DEFAULT_REMINDER_SETTINGS, skipHolidays: false }, HOLIDAYS)).toBe(true);
    expect(isRunDay('2026-10-08', DEFAULT_REMINDER_SETTINGS, HOLIDAYS)).toBe(true);
  });

  it('know the previous run day across a weekend and a holiday week', () => {
    expect(previousRunDay('2026-11-23', DEFAULT_REMINDER_SETTINGS, NONE)).toBe('2026-11-20');
    expect(previousRunDay('2026-10-08', DEFAULT_REMINDER_SETTINGS, HOLIDAYS)).toBe('2026-09-30');
  });

  it('weeks start on Monday; the weekly digest goes out on the first run day of the week', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(isFirstRunDayOfWeek('2026-11-23', DEFAULT_REMINDER_SETTINGS, NONE)).toBe(true);
    expect(isFirstRunDayOfWeek('2026-11-24', DEFAULT_REMINDER_SETTINGS, NONE)).toBe(false);
    // National Day week: Mon 5th–Wed 7th are holidays, so Thursday the 8th is the first run day.
    expect(isFirstRunDayOfWeek('2026-10-08', DEFAULT_REMINDER_SETTINGS, HOLIDAYS)).toBe(true);
  });

  it('the daily schedule is due from the district hour until the quiet hours, on run days only', () => {
    const s = { ...DEFAULT_REMINDER_SETTINGS, dailyHour: 9 };
    expect(dailyRunDue(at('2026-11-23T08:59:00+08:00'), s, NONE)).toBe(false);
    expect(dailyRunDue(at('2026-11-23T09:00:00+08:00'), s, NONE)).toBe(true);
    expect(dailyRunDue(at('2026-11-23T21:30:00+08:00'), s, NONE)).toBe(true);
    expect(dailyRunDue(at('2026-11-23T22:00:00+08:00'), s, NONE)).toBe(false);
    expect(dailyRunDue(at('2026-11-21T10:00:00+08:00'), s, NONE)).toBe(false); // Saturday
    expect(dailyRunDue(at('2026-10-06T10:00:00+08:00'), s, HOLIDAYS)).toBe(false);
    expect(dailyRunDue(at('2026-11-23T10:00:00+08:00'), { ...s, enabled: false }, NONE)).toBe(false);
  });
});
