import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { annualDueDate, expandObligations, obligationsForQuarter, validateDisclosureDate } from './obligations';
import { event, item } from './fixtures.testutil';
import type { Obligation } from '@/core/domain/types';

const pick = (o: Obligation) => ({
  periodKey: o.periodKey,
  quarter: o.quarter,
  windowStart: o.windowStart,
  windowEnd: o.windowEnd,
  deadline: o.deadline,
});

describe('expandObligations — monthly (§3)', () => {
  const obs = expandObligations([item({ id: 'm01', frequency: 'monthly', weight: 2 })], 2026, []);

  it('gives 12 obligations, one per month, in the quarter of the month', () => {
    expect(obs).toHaveLength(12);
    expect(obs.map((o) => o.periodKey)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(obs.map((o) => o.quarter)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    expect(obs.every((o) => o.weight === 2 && o.year === 2026 && o.itemCode === 'M01')).toBe(true);
  });

  it('window = the month, deadline = 10th of next month', () => {
    expect(pick(obs[2])).toEqual({
      periodKey: '2026-03',
      quarter: 1,
      windowStart: '2026-03-01',
      windowEnd: '2026-03-31',
      deadline: '2026-04-10',
    });
    expect(pick(obs[1])).toEqual({
      periodKey: '2026-02',
      quarter: 1,
      windowStart: '2026-02-01',
      windowEnd: '2026-02-28',
      deadline: '2026-03-10',
    });
  });

  it('December deadline falls on 2027-01-10 but the obligation belongs to Q4 2026', () => {
    expect(pick(obs[11])).toEqual({
      periodKey: '2026-12',
      quarter: 4,
      windowStart: '2026-12-01',
      windowEnd: '2026-12-31',
      deadline: '2027-01-10',
    });
    expect(obs[11].year).toBe(2026);
  });

  it('leap-year February: 2028-02 window ends 2028-02-29, deadline stays the 10th', () => {
    const feb = expandObligations([item({ id: 'm01', frequency: 'monthly' })], 2028, [])[1];
    expect(feb.windowEnd).toBe('2028-02-29');
    expect(feb.deadline).toBe('2028-03-10');
  });

  it('honours a custom deadlineDays (added to the window end)', () => {
    const custom = expandObligations([item({ id: 'm01', frequency: 'monthly', deadlineDays: 5 })], 2026, []);
    expect(custom[0].deadline).toBe('2026-02-05');
    expect(custom[1].deadline).toBe('2026-03-05');
  });
});

describe('expandObligations — quarterly / semiannual / termStart / annual (§3)', () => {
  it('quarterly: 4, window = quarter, deadline = quarter end + 10', () => {
    const obs = expandObligations([item({ id: 'm04', frequency: 'quarterly' })], 2026, []);
    expect(obs.map(pick)).toEqual([
      { periodKey: '2026-Q1', quarter: 1, windowStart: '2026-01-01', windowEnd: '2026-03-31', deadline: '2026-04-10' },
      { periodKey: '2026-Q2', quarter: 2, windowStart: '2026-04-01', windowEnd: '2026-06-30', deadline: '2026-07-10' },
      { periodKey: '2026-Q3', quarter: 3, windowStart: '2026-07-01', windowEnd: '2026-09-30', deadline: '2026-10-10' },
      { periodKey: '2026-Q4', quarter: 4, windowStart: '2026-10-01', windowEnd: '2026-12-31', deadline: '2027-01-10' },
    ]);
  });

  it('semiannual: H1 → Q2, H2 → Q4 with deadline 2027-01-10', () => {
    const obs = expandObligations([item({ id: 'c01', frequency: 'semiannual' })], 2026, []);
    expect(obs.map(pick)).toEqual([
      { periodKey: '2026-H1', quarter: 2, windowStart: '2026-01-01', windowEnd: '2026-06-30', deadline: '2026-07-10' },
      { periodKey: '2026-H2', quarter: 4, windowStart: '2026-07-01', windowEnd: '2026-12-31', deadline: '2027-01-10' },
    ]);
    expect(obligationsForQuarter(obs, 2026, 4).map((o) => o.periodKey)).toEqual(['2026-H2']);
    expect(obligationsForQuarter(obs, 2027, 1)).toEqual([]);
  });

  it('termStart: T1 1 Feb–31 Mar → Q1, T2 15 Aug–30 Sep → Q3, deadline = window end', () => {
    const obs = expandObligations([item({ id: 'f01', frequency: 'termStart' })], 2026, []);
    expect(obs.map(pick)).toEqual([
      { periodKey: '2026-T1', quarter: 1, windowStart: '2026-02-01', windowEnd: '2026-03-31', deadline: '2026-03-31' },
      { periodKey: '2026-T2', quarter: 3, windowStart: '2026-08-15', windowEnd: '2026-09-30', deadline: '2026-09-30' },
    ]);
    const late = expandObligations([item({ id: 'f01', frequency: 'termStart', deadlineDays: 5 })], 2026, []);
    expect(late.map((o) => o.deadline)).toEqual(['2026-04-05', '2026-10-05']);
  });

  it('annual: window = year, default deadline 31 Dec (Q4); set date decides the quarter', () => {
    const [g02] = expandObligations([item({ id: 'g02', frequency: 'annual' })], 2026, []);
    expect(pick(g02)).toEqual({ periodKey: '2026', quarter: 4, windowStart: '2026-01-01', windowEnd: '2026-12-31', deadline: '2026-12-31' });
    const [g01] = expandObligations([item({ id: 'g01', frequency: 'annual', annualDueDate: '03-31' })], 2026, []);
    expect(g01.deadline).toBe('2026-03-31');
    expect(g01.quarter).toBe(1);
    const [e01] = expandObligations([item({ id: 'e01', frequency: 'annual', annualDueDate: '06-30' })], 2026, []);
    expect(e01.quarter).toBe(2);
  });

  it('annual due date validation and 29 Feb clamping', () => {
    expect(annualDueDate({ code: 'X', annualDueDate: '02-29' }, 2028)).toBe('2028-02-29');
    expect(annualDueDate({ code: 'X', annualDueDate: '02-29' }, 2026)).toBe('2026-02-28');
    expect(() => annualDueDate({ code: 'X', annualDueDate: '04-31' }, 2026)).toThrow(RangeError);
    expect(() => annualDueDate({ code: 'X', annualDueDate: '2026-04-01' }, 2026)).toThrow(RangeError);
  });

  it('rejects malformed items', () => {
    expect(() => expandObligations([item({ id: 'x', frequency: 'monthly', deadlineDays: -1 })], 2026, [])).toThrow(RangeError);
    expect(() => expandObligations([item({ id: 'x', frequency: 'monthly', weight: -1 })], 2026, [])).toThrow(RangeError);
    expect(() => expandObligations([], 2026.5, [])).toThrow(RangeError);
  });
});

describe('expandObligations — event items (§3)', () => {
  const p01 = item({ id: 'p01', frequency: 'event', deadlineDays: 5, timing: 'before' });
  const b01 = item({ id: 'b01', frequency: 'event', deadlineDays: 10 });
  const g04 = item({ id: 'g04', frequency: 'event', timing: 'before' }); // default 7 days

  it('no declared events ⇒ no obligations', () => {
    expect(expandObligations([p01, b01, g04], 2026, [])).toEqual([]);
  });

  it('one obligation per declared event of that year; key = event id; quarter of the event', () => {
    const obs = expandObligations([p01, b01, g04], 2026, [
      event('ev-2', 'b01', '2026-09-25'),
      event('ev-1', 'b01', '2026-05-12'),
      event('ev-3', 'p01', '2026-12-28'),
      event('ev-old', 'b01', '2025-12-30'),
      event('ev-4', 'g04', '2026-03-31'),
      event('ev-x', 'unknown', '2026-03-01'),
    ]);
    expect(obs.map((o) => [o.itemId, o.periodKey, o.quarter, o.windowStart, o.windowEnd, o.deadline, o.timingBefore])).toEqual([
      // §3 事前公开: the notice period runs before the matter — deadline = event − N days.
      ['p01', 'ev-3', 4, null, '2026-12-28', '2026-12-23', true],
      ['b01', 'ev-1', 2, '2026-05-12', '2026-05-12', '2026-05-22', false],
      ['b01', 'ev-2', 3, '2026-09-25', '2026-09-25', '2026-10-05', false],
      ['g04', 'ev-4', 1, null, '2026-03-31', '2026-03-24', true],
    ]);
    expect(obs[1].eventId).toBe('ev-1');
    expect(obs[1].eventDate).toBe('2026-05-12');
  });

  it('事前公开: one deadline, the event date minus the notice period (issue 14: A01 on 2026-12-17 ⇒ 2026-12-12)', () => {
    const a01 = item({ id: 'a01', frequency: 'event', deadlineDays: 5, timing: 'before' });
    const [o] = expandObligations([a01], 2026, [event('ev-a', 'a01', '2026-12-17')]);
    expect(o).toMatchObject({ deadline: '2026-12-12', windowStart: null, windowEnd: '2026-12-17', eventDate: '2026-12-17', quarter: 4 });
  });

  it('事前公开 in working days (P01, P05: 公示期不少于5个工作日): weekends and the district holidays are skipped', () => {
    const p01wd = item({ id: 'p01', frequency: 'event', deadlineDays: 5, timing: 'before', workingDays: true });
    // Event Monday 2026-05-18: Mon 11 … Fri 15 are the five working days before it.
    expect(expandObligations([p01wd], 2026, [event('e1', 'p01', '2026-05-18')])[0]!.deadline).toBe('2026-05-11');
    // Event Friday 2026-05-08 after the May Day holidays (1–5 May): 7, 6, 30 Apr, 29, 28.
    const mayDay = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'];
    expect(expandObligations([p01wd], 2026, [event('e2', 'p01', '2026-05-08')], { holidays: mayDay })[0]!.deadline).toBe('2026-04-28');
    // The same item counted in calendar days would be due on 2026-05-03 (a holiday).
    expect(expandObligations([{ ...p01wd, workingDays: false }], 2026, [event('e2', 'p01', '2026-05-08')], { holidays: mayDay })[0]!.deadline).toBe('2026-05-03');
    // A deadline may fall in the year before the event (the obligation stays in the event's year).
    const [jan] = expandObligations([p01wd], 2027, [event('e3', 'p01', '2027-01-04')]);
    expect(jan).toMatchObject({ deadline: '2026-12-28', year: 2027, quarter: 1 });
  });

  it('workingDays also counts an ordinary deadline after the window or the event in working days', () => {
    const b01wd = item({ id: 'b01', frequency: 'event', deadlineDays: 3, workingDays: true });
    expect(expandObligations([b01wd], 2026, [event('e', 'b01', '2026-05-15')])[0]!.deadline).toBe('2026-05-20'); // Fri → Mon, Tue, Wed
    const m01wd = item({ id: 'm01', frequency: 'monthly', workingDays: true });
    expect(expandObligations([m01wd], 2026, [])[0]!.deadline).toBe('2026-02-13'); // 10 working days after 31 Jan
  });

  it('ignores events declared for non-event items; rejects bad or duplicate events', () => {
    const monthly = item({ id: 'm01', frequency: 'monthly' });
    expect(expandObligations([monthly], 2026, [event('e', 'm01', '2026-01-05')])).toHaveLength(12);
    expect(() => expandObligations([b01], 2026, [event('e', 'b01', '2026-02-30')])).toThrow(RangeError);
    expect(() => expandObligations([b01], 2026, [event('e', 'b01', '2026-02-03'), event('e', 'b01', '2026-02-04')])).toThrow(RangeError);
  });

  it('calendar obligations do not carry timingBefore or event fields', () => {
    const [o] = expandObligations([item({ id: 'g02', frequency: 'annual', timing: 'before' })], 2026, []);
    expect(o.timingBefore).toBe(false);
    expect(o.eventId).toBeNull();
    expect(o.eventDate).toBeNull();
  });

  it('property: every obligation belongs to its year, windowStart ≤ windowEnd ≤ deadline', () => {
    const freqs = ['monthly', 'quarterly', 'semiannual', 'termStart', 'annual'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(...freqs), fc.integer({ min: 0, max: 60 }), (y, f, dd) => {
        const obs = expandObligations([item({ id: 'i', frequency: f, deadlineDays: dd })], y, []);
        expect(obs.length).toBe({ monthly: 12, quarterly: 4, semiannual: 2, termStart: 2, annual: 1 }[f]);
        for (const o of obs) {
          expect(o.year).toBe(y);
          expect(o.windowStart! <= o.windowEnd && o.windowEnd <= o.deadline).toBe(true);
          expect(Number(o.windowEnd.slice(5, 7))).toBeLessThanOrEqual(o.quarter * 3);
        }
      }),
    );
  });
});

describe('validateDisclosureDate (§3)', () => {
  const [march] = expandObligations([item({ id: 'm01', frequency: 'monthly' })], 2026, []).slice(2);
  const opts = { closeDays: 45, today: '2026-06-01' };

  it('accepts dates inside the window through the close date', () => {
    expect(validateDisclosureDate(march, '2026-03-01', opts)).toBeNull();
    expect(validateDisclosureDate(march, '2026-04-05', opts)).toBeNull(); // March accounts published 5 April
    expect(validateDisclosureDate(march, '2026-05-15', opts)).toBeNull(); // Q1 close date
  });

  it('returns typed reason codes', () => {
    expect(validateDisclosureDate(march, '2026-02-28', opts)).toBe('beforeWindow');
    expect(validateDisclosureDate(march, '2026-05-16', opts)).toBe('afterClose');
    expect(validateDisclosureDate(march, '2026-04-02', { closeDays: 45, today: '2026-04-01' })).toBe('inFuture');
    expect(validateDisclosureDate(march, '2026-02-30', opts)).toBe('invalidDate');
  });

  it('event items: not before the event date; timing-before items: no lower bound', () => {
    const [b, p] = expandObligations([item({ id: 'b01', frequency: 'event' }), item({ id: 'p01', frequency: 'event', timing: 'before' })], 2026, [
      event('e1', 'b01', '2026-05-12'),
      event('e2', 'p01', '2026-05-12'),
    ]);
    expect(validateDisclosureDate(b, '2026-05-11', opts)).toBe('beforeWindow');
    expect(validateDisclosureDate(b, '2026-05-12', opts)).toBeNull();
    expect(validateDisclosureDate(p, '2025-11-01', opts)).toBeNull();
  });

  it('Q4 obligations close 45 days after 31 Dec', () => {
    const h2 = expandObligations([item({ id: 'c01', frequency: 'semiannual' })], 2026, [])[1];
    const today = '2027-03-01';
    expect(validateDisclosureDate(h2, '2027-01-10', { closeDays: 45, today })).toBeNull();
    expect(validateDisclosureDate(h2, '2027-02-14', { closeDays: 45, today })).toBeNull();
    expect(validateDisclosureDate(h2, '2027-02-15', { closeDays: 45, today })).toBe('afterClose');
  });
});
