// When reminders go out (issue 16): the daily schedule runs once per district and day at the
// district's hour (Asia/Shanghai), never in the quiet hours 22:00–07:00, and not on weekends or
// the district's holidays when the district says so. External messages created in the quiet hours
// wait until 07:00.
import { TZDate } from '@date-fns/tz';
import { addDays, dayOfWeek, localDateOf, SHANGHAI } from '@/core/domain/dates';
import type { LocalDate } from '@/core/domain/types';
import type { ReminderSettings } from './types';

const QUIET_FROM_HOUR = 22;
const QUIET_UNTIL_HOUR = 7;

/** The Asia/Shanghai hour (0–23) of an instant. */
export function shanghaiHour(instant: Date): number {
  return new TZDate(instant.getTime(), SHANGHAI).getHours();
}

export function isQuietHour(instant: Date): boolean {
  const h = shanghaiHour(instant);
  return h >= QUIET_FROM_HOUR || h < QUIET_UNTIL_HOUR;
}

/** The instant itself outside the quiet hours, else the next 07:00 Asia/Shanghai. */
export function nextSendableInstant(instant: Date): Date {
  if (!isQuietHour(instant)) return instant;
  const z = new TZDate(instant.getTime(), SHANGHAI);
  const day = z.getHours() >= QUIET_FROM_HOUR ? addDays(localDateOf(instant), 1) : localDateOf(instant);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, QUIET_UNTIL_HOUR, 0, 0, 0, SHANGHAI).getTime());
}

/** Whether the daily schedule runs on `day` (weekends and holidays skipped when the district says so). */
export function isRunDay(day: LocalDate, settings: Pick<ReminderSettings, 'skipWeekends' | 'skipHolidays'>, holidays: ReadonlySet<LocalDate>): boolean {
  const wd = dayOfWeek(day);
  if (settings.skipWeekends && (wd === 0 || wd === 6)) return false;
  if (settings.skipHolidays && holidays.has(day)) return false;
  return true;
}

/** The last run day before `day` (looking back at most 60 days), or null. */
export function previousRunDay(day: LocalDate, settings: Pick<ReminderSettings, 'skipWeekends' | 'skipHolidays'>, holidays: ReadonlySet<LocalDate>): LocalDate | null {
  for (let i = 1; i <= 60; i++) {
    const d = addDays(day, -i);
    if (isRunDay(d, settings, holidays)) return d;
  }
  return null;
}

/** Monday of the week of `day` (weeks start on Monday in China). */
export function weekStart(day: LocalDate): LocalDate {
  return addDays(day, -((dayOfWeek(day) + 6) % 7));
}

/** Whether `day` is the first run day of its week (the leaders' weekly digest goes out then). */
export function isFirstRunDayOfWeek(day: LocalDate, settings: Pick<ReminderSettings, 'skipWeekends' | 'skipHolidays'>, holidays: ReadonlySet<LocalDate>): boolean {
  if (!isRunDay(day, settings, holidays)) return false;
  for (let d = weekStart(day); d < day; d = addDays(d, 1)) if (isRunDay(d, settings, holidays)) return false;
  return true;
}

/**
 * Whether the district's daily schedule is due at `instant`: enabled, a run day, at or after the
 * district's hour and not in the quiet hours. Once due it stays due for the rest of the day (until
 * 22:00), so a process that was down at the hour catches up; the run itself is claimed once per
 * district and day in the database.
 */
export function dailyRunDue(instant: Date, settings: ReminderSettings, holidays: ReadonlySet<LocalDate>): boolean {
  if (!settings.enabled) return false;
  if (isQuietHour(instant)) return false;
  if (!isRunDay(localDateOf(instant), settings, holidays)) return false;
  return shanghaiHour(instant) >= settings.dailyHour;
}
