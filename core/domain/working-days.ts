// Working-day arithmetic for the 公示 notice period (DESIGN.md §6: `noticeWorkingDays`, default 5
// working days, skipping weekends and the district's holidays).
import { addDays, assertLocalDate, dayOfWeek } from './dates';
import type { LocalDate } from './types';

type DateSet = readonly LocalDate[] | ReadonlySet<LocalDate>;

function toSet(dates: DateSet): ReadonlySet<LocalDate> {
  return dates instanceof Set ? dates : new Set(dates as readonly LocalDate[]);
}

/**
 * A working day is Monday–Friday and not a district holiday. `makeUpWorkdays` (调休上班日,
 * weekend days declared working days; decision: DESIGN only lists holidays, this optional list
 * models China's swapped weekends) override the weekend rule; a date in both lists is a holiday.
 */
export function isWorkingDay(d: LocalDate, holidays: DateSet = [], makeUpWorkdays: DateSet = []): boolean {
  if (toSet(holidays).has(d)) return false;
  if (toSet(makeUpWorkdays).has(d)) return true;
  const wd = dayOfWeek(d);
  return wd !== 0 && wd !== 6;
}

/**
 * The end date of a period of `n` working days after `start`. The start day itself does not
 * count (decision: a notice published on day D — working day or not — runs from the next working
 * day); the result is the n-th working day after D, and the notice runs through that whole day.
 * n = 0 returns `start`. Example: published Friday 2026-03-06, 5 working days ⇒ ends Friday
 * 2026-03-13.
 */
export function addWorkingDays(start: LocalDate, n: number, holidays: DateSet = [], makeUpWorkdays: DateSet = []): LocalDate {
  assertLocalDate(start);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`);
  const hol = toSet(holidays);
  const makeUp = toSet(makeUpWorkdays);
  let d = start;
  for (let count = 0; count < n;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, hol, makeUp)) count += 1;
  }
  return d;
}

/**
 * §3 事前公开 with `workingDays`: the date `n` working days before `end` — the latest day a notice
 * can go up and still run `n` working days (that day included) before the matter on `end`. The
 * result is itself a working day. Example: event Monday 2026-05-18, 5 working days ⇒ Monday
 * 2026-05-11 (11, 12, 13, 14, 15). n = 0 returns `end`.
 */
export function subtractWorkingDays(end: LocalDate, n: number, holidays: DateSet = [], makeUpWorkdays: DateSet = []): LocalDate {
  assertLocalDate(end);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`subtractWorkingDays: n must be a non-negative integer, got ${n}`);
  const hol = toSet(holidays);
  const makeUp = toSet(makeUpWorkdays);
  let d = end;
  for (let count = 0; count < n;) {
    d = addDays(d, -1);
    if (isWorkingDay(d, hol, makeUp)) count += 1;
  }
  return d;
}
