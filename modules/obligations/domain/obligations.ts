// Expansion of checklist items into obligations, and disclosure-date validation (DESIGN.md §3).
import { addDays, daysInMonth, isLeapYear, localDate, monthEndDate, monthStartDate, parseLocalDate, quarterOfDate, quarterOfMonth } from '@/core/domain/dates';
import { closeDate, halfKey, monthKey, quarterEnd, quarterKey, quarterStart, QUARTERS, termKey, yearKey } from '@/core/domain/periods';
import { addWorkingDays, subtractWorkingDays } from '@/core/domain/working-days';
import type { ChecklistItem, DeclaredEvent, Frequency, LocalDate, Obligation, Quarter } from '@/core/domain/types';

/** §3 table / ChecklistItem.deadlineDays: defaults when an item leaves deadlineDays null. */
export const DEFAULT_DEADLINE_DAYS: Record<Exclude<Frequency, 'annual'>, number> = {
  monthly: 10,
  quarterly: 10,
  semiannual: 10,
  termStart: 0,
  event: 7,
};

/** §3: annual items are due on a set date, default 31 Dec. */
export const DEFAULT_ANNUAL_DUE_DATE = '12-31';

/** Map key joining an item and a period key (used to match disclosures to obligations). */
export function obligationKey(itemId: string, periodKey: string): string {
  return `${itemId}\u0000${periodKey}`;
}

function deadlineDaysOf(item: ChecklistItem, freq: Exclude<Frequency, 'annual'>): number {
  const n = item.deadlineDays ?? DEFAULT_DEADLINE_DAYS[freq];
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Item ${item.code}: deadlineDays must be a non-negative integer`);
  }
  return n;
}

/**
 * §3: annual due date `MM-DD` in `year`. A `02-29` setting falls on 28 Feb in common years
 * (decision: DESIGN is silent; clamping keeps one obligation per year).
 */
export function annualDueDate(item: Pick<ChecklistItem, 'code' | 'annualDueDate'>, year: number): LocalDate {
  const raw = item.annualDueDate ?? DEFAULT_ANNUAL_DUE_DATE;
  const m = /^(\d{2})-(\d{2})$/.exec(raw);
  const month = m ? Number(m[1]) : NaN;
  const day = m ? Number(m[2]) : NaN;
  const maxDay = month === 2 ? 29 : month >= 1 && month <= 12 ? daysInMonth(2000, month) : 0;
  if (!m || !(day >= 1 && day <= maxDay)) throw new RangeError(`Item ${item.code}: invalid annualDueDate ${raw}`);
  return localDate(year, month, month === 2 && day === 29 && !isLeapYear(year) ? 28 : day);
}

/** The district's calendar the working-day rules need (§3: weekends and the district's holidays). */
export interface ObligationCalendar {
  holidays: readonly LocalDate[] | ReadonlySet<LocalDate>;
}

const NO_HOLIDAYS: ObligationCalendar = { holidays: [] };

/** A deadline `n` days after `from`: calendar days, or working days when the item says so (§3). */
function daysAfter(item: ChecklistItem, from: LocalDate, n: number, cal: ObligationCalendar): LocalDate {
  return item.workingDays ? addWorkingDays(from, n, cal.holidays) : addDays(from, n);
}

/**
 * §3 事前公开: the notice period of `n` days must have run before the matter, so the deadline is
 * the event date minus `n` days — working days (weekends and the district's holidays skipped)
 * when the item says `workingDays`, calendar days otherwise. The one deadline of the obligation.
 */
export function noticeDeadline(item: Pick<ChecklistItem, 'workingDays'>, eventDate: LocalDate, n: number, cal: ObligationCalendar = NO_HOLIDAYS): LocalDate {
  return item.workingDays ? subtractWorkingDays(eventDate, n, cal.holidays) : addDays(eventDate, -n);
}

type Slot = Pick<Obligation, 'periodKey' | 'quarter' | 'windowStart' | 'windowEnd' | 'deadline'> & {
  eventId?: string;
  eventDate?: LocalDate;
};

function calendarSlots(item: ChecklistItem, year: number, cal: ObligationCalendar): Slot[] {
  const d = (month: number, day: number): LocalDate => localDate(year, month, day);
  const windowSlot = (periodKey: string, quarter: Quarter, start: LocalDate, end: LocalDate, dd: number): Slot => ({
    periodKey,
    quarter,
    windowStart: start,
    windowEnd: end,
    deadline: daysAfter(item, end, dd, cal),
  });
  switch (item.frequency) {
    case 'monthly': {
      // §3: window = the month; deadline = month end + 10 (the 10th of the next month).
      const dd = deadlineDaysOf(item, 'monthly');
      return Array.from({ length: 12 }, (_, i) => {
        const m = i + 1;
        return windowSlot(monthKey(year, m), quarterOfMonth(m), monthStartDate(year, m), monthEndDate(year, m), dd);
      });
    }
    case 'quarterly': {
      // §3: window = the quarter; deadline = quarter end + 10.
      const dd = deadlineDaysOf(item, 'quarterly');
      return QUARTERS.map((quarter) => {
        const q = { year, quarter };
        return windowSlot(quarterKey(q), quarter, quarterStart(q), quarterEnd(q), dd);
      });
    }
    case 'semiannual': {
      // §3: Jan–Jun → Q2, Jul–Dec → Q4; H2's deadline falls in January of the next year.
      const dd = deadlineDaysOf(item, 'semiannual');
      return [windowSlot(halfKey(year, 1), 2, d(1, 1), d(6, 30), dd), windowSlot(halfKey(year, 2), 4, d(7, 1), d(12, 31), dd)];
    }
    case 'termStart': {
      // §3: T1 1 Feb–31 Mar (→ Q1), T2 15 Aug–30 Sep (→ Q3); deadline = window end + deadlineDays (0).
      const dd = deadlineDaysOf(item, 'termStart');
      return [windowSlot(termKey(year, 1), 1, d(2, 1), d(3, 31), dd), windowSlot(termKey(year, 2), 3, d(8, 15), d(9, 30), dd)];
    }
    case 'annual': {
      // §3: window = the year; deadline = the item's set date (deadlineDays is not used);
      // belongs to the quarter of that date.
      const deadline = annualDueDate(item, year);
      const quarter = quarterOfDate(deadline);
      return [{ periodKey: yearKey(year), quarter, windowStart: d(1, 1), windowEnd: d(12, 31), deadline }];
    }
    case 'event':
      return [];
  }
}

function sortEvents(events: readonly DeclaredEvent[]): DeclaredEvent[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...events].sort((a, b) => cmp(a.eventDate, b.eventDate) || cmp(a.id, b.id));
}

function eventSlots(item: ChecklistItem, events: readonly DeclaredEvent[], cal: ObligationCalendar): Slot[] {
  // §3: window starts at the event date, deadline = event + N days; 事前公开 (timing 'before'): no
  // lower bound, deadline = event − N days (the notice period runs before the matter).
  const dd = deadlineDaysOf(item, 'event');
  const before = item.timing === 'before';
  return events.map((ev) => ({
    periodKey: ev.id,
    quarter: quarterOfDate(ev.eventDate),
    windowStart: before ? null : ev.eventDate,
    windowEnd: ev.eventDate,
    deadline: before ? noticeDeadline(item, ev.eventDate, dd, cal) : daysAfter(item, ev.eventDate, dd, cal),
    eventId: ev.id,
    eventDate: ev.eventDate,
  }));
}

/**
 * §3: expand a checklist (for one school and year) into obligations, in item order, each item's
 * obligations in date order. Event items produce one obligation per declared event of that item
 * dated in `year` (no declared events ⇒ none). Events of unknown or non-event items are ignored.
 * Throws RangeError on malformed input (bad dates, duplicate event ids, negative weights).
 * `cal`: the district's holidays, for items whose deadline counts working days.
 */
export function expandObligations(items: readonly ChecklistItem[], year: number, events: readonly DeclaredEvent[], cal: ObligationCalendar = NO_HOLIDAYS): Obligation[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9998) throw new RangeError(`Invalid year: ${year}`);
  const eventsByItem = new Map<string, DeclaredEvent[]>();
  const seenIds = new Set<string>();
  for (const ev of events) {
    if (parseLocalDate(ev.eventDate) === null) {
      throw new RangeError(`Event ${ev.id}: invalid eventDate ${ev.eventDate}`);
    }
    if (seenIds.has(ev.id)) throw new RangeError(`Duplicate event id ${ev.id}`);
    seenIds.add(ev.id);
    if (Number(ev.eventDate.slice(0, 4)) !== year) continue;
    const list = eventsByItem.get(ev.itemId);
    if (list) list.push(ev);
    else eventsByItem.set(ev.itemId, [ev]);
  }

  const calendar: ObligationCalendar = { holidays: cal.holidays instanceof Set ? cal.holidays : new Set(cal.holidays) };
  const out: Obligation[] = [];
  for (const item of items) {
    if (!Number.isFinite(item.weight) || item.weight < 0) {
      throw new RangeError(`Item ${item.code}: weight must be ≥ 0`);
    }
    const isEvent = item.frequency === 'event';
    const slots = isEvent ? eventSlots(item, sortEvents(eventsByItem.get(item.id) ?? []), calendar) : calendarSlots(item, year, calendar);
    for (const s of slots) {
      out.push({
        itemId: item.id,
        itemCode: item.code,
        periodKey: s.periodKey,
        year,
        quarter: s.quarter,
        windowStart: s.windowStart,
        windowEnd: s.windowEnd,
        deadline: s.deadline,
        weight: item.weight,
        mandatory: item.mandatory,
        // Decision: "事前" only has a meaning relative to an event date, so only event items get it.
        timingBefore: isEvent && item.timing === 'before',
        eventId: s.eventId ?? null,
        eventDate: s.eventDate ?? null,
      });
    }
  }
  return out;
}

/** The obligations that belong to one quarter (§3 "belongs to" column). */
export function obligationsForQuarter(obs: readonly Obligation[], year: number, quarter: Quarter): Obligation[] {
  return obs.filter((o) => o.year === year && o.quarter === quarter);
}

export type DisclosureDateIssue = 'invalidDate' | 'beforeWindow' | 'inFuture' | 'afterClose';

/**
 * §3: a disclosure's date may not be earlier than the window start (event items: the event date;
 * `timing: before` items: no lower bound), nor later than the close date of the quarter the
 * obligation belongs to, nor in the future. Returns the first failing rule as a code (the UI
 * translates it), checked in the order invalidDate, beforeWindow, inFuture, afterClose; null = OK.
 */
export function validateDisclosureDate(ob: Pick<Obligation, 'year' | 'quarter' | 'windowStart'>, disclosedOn: string, opts: { closeDays: number; today: LocalDate }): DisclosureDateIssue | null {
  if (parseLocalDate(disclosedOn) === null) return 'invalidDate';
  if (ob.windowStart !== null && disclosedOn < ob.windowStart) return 'beforeWindow';
  if (disclosedOn > opts.today) return 'inFuture';
  if (disclosedOn > closeDate({ year: ob.year, quarter: ob.quarter }, opts.closeDays)) return 'afterClose';
  return null;
}
