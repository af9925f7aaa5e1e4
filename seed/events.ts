// Declared events for event items and "no such matter this quarter" statements (DESIGN §3).
import * as s from '@/db/schema';
import { addDays, quarterEndDate, quarterOfDate } from '@/core/domain/dates';
import type { LocalDate, Quarter } from '@/core/domain/types';
import type { DistrictCtx, SchoolCtx } from './build-org';
import { rectificationEvents } from './findings';
import { seedId } from './ids';
import type { Profile } from './org';
import type { Rng } from './rng';
import { at, type SeedRows } from './rows';
import { eventTitle, NO_MATTER_REASONS, PURCHASES } from './texts';

export interface PlannedEvent {
  id: string;
  itemCode: string;
  date: LocalDate;
  title: string;
  amount: number | null;
  method: string | null;
}

/** Event items: how many events a year, and the month-day ranges they fall in. */
const SCHEDULE: Record<string, { count: (r: Rng, p: Profile) => number; ranges: [string, string][] }> = {
  G04: {
    count: (r, p) => (p === 'exemplary' ? 2 : r.int(1, 2)),
    ranges: [
      ['03-01', '04-30'],
      ['09-01', '11-15'],
    ],
  },
  F03: {
    count: () => 2,
    ranges: [
      ['03-15', '04-20'],
      ['10-10', '11-10'],
    ],
  },
  M05: { count: (r) => (r.chance(0.4) ? 1 : 0), ranges: [['01-05', '12-15']] },
  P01: {
    count: () => 1,
    ranges: [
      ['04-20', '05-31'],
      ['09-15', '10-31'],
    ],
  },
  P02: { count: (r) => (r.chance(0.5) ? 1 : 0), ranges: [['07-01', '08-25']] },
  P05: {
    count: (r) => (r.chance(0.35) ? 1 : 0),
    ranges: [
      ['02-20', '03-31'],
      ['08-20', '09-20'],
    ],
  },
  A01: {
    count: (r) => r.int(1, 2),
    ranges: [
      ['08-20', '09-08'],
      ['12-01', '12-18'],
    ],
  },
  B01: {
    count: (r) => r.int(0, 2),
    ranges: [
      ['03-01', '04-30'],
      ['07-05', '08-20'],
    ],
  },
  B02: {
    count: (r) => r.int(1, 3),
    ranges: [
      ['02-25', '04-30'],
      ['05-01', '07-15'],
      ['08-15', '11-30'],
    ],
  },
};

/** Demo special cases (see org.ts profiles and findings.ts). */
const FORCED_EVENTS: Record<string, Omit<PlannedEvent, 'id'>[]> = {
  'dongcheng/dc11/2026': [{ itemCode: 'B02', date: '2026-05-12', title: '办公用品采购', amount: 4800, method: '询价' }],
};
/** Statements that an evaluator challenged: [district/school/year, item, quarter, note]. */
const CHALLENGED: [string, string, Quarter, string][] = [
  ['dongcheng/dc11/2025', 'M05', 2, '经核实，5月区慈善会向你校捐赠图书一批，请据实申报并公开捐赠使用情况。'],
  ['xishan/xs20/2025', 'B01', 3, '暑期校舍维修已实施，请据实申报并公开项目及经费使用情况。'],
];

function randomDate(r: Rng, year: number, [from, to]: [string, string]): LocalDate {
  const start = `${year}-${from}`;
  const span = Math.round((Date.parse(`${year}-${to}`) - Date.parse(start)) / 86_400_000);
  return addDays(start, r.int(0, span));
}

export function planEvents(d: DistrictCtx, sc: SchoolCtx, year: number, asOf: LocalDate, r: Rng): PlannedEvent[] {
  const key = `${d.def.code}/${sc.def.code}/${year}`;
  const blocked = new Set(CHALLENGED.filter(([k]) => k === key).map(([, item, q]) => `${item}/${q}`));
  const out: PlannedEvent[] = [];
  const add = (e: Omit<PlannedEvent, 'id'>) => {
    // Past events only — except 事前 items, which may be planned up to a month ahead.
    const before = ['G04', 'F03', 'P01', 'P05', 'A01'].includes(e.itemCode);
    if (e.date > (before ? addDays(asOf, 30) : asOf) || Number(e.date.slice(0, 4)) !== year) return;
    if (blocked.has(`${e.itemCode}/${quarterOfDate(e.date)}`)) return;
    out.push({ ...e, id: seedId(`event/${key}/${e.itemCode}/${out.length}`) });
  };
  for (const [code, plan] of Object.entries(SCHEDULE)) {
    const n = plan.count(r, sc.def.profile);
    for (let i = 0; i < n; i++) {
      const range = plan.ranges.length >= n ? plan.ranges[i] : r.pick(plan.ranges);
      const date = randomDate(r, year, range);
      const q = quarterOfDate(date);
      if (code === 'B02') {
        const [title, min, max] = r.pick(PURCHASES);
        const amount = r.int(min, max) + r.int(0, 99) / 100;
        add({ itemCode: code, date, title, amount, method: amount >= 100_000 ? '公开招标' : '集体采购' });
      } else {
        add({ itemCode: code, date, title: eventTitle(code, year, r, q, sc.def.type === 'senior'), amount: null, method: null });
      }
    }
  }
  for (const e of FORCED_EVENTS[key] ?? []) add(e);
  for (const e of rectificationEvents(d.def.code)) {
    if (e.school === sc.def.code && Number(e.date.slice(0, 4)) === year) add({ itemCode: 'S03', date: e.date, title: e.title, amount: null, method: null });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

export function addEventRows(rows: SeedRows, d: DistrictCtx, sc: SchoolCtx, year: number, events: PlannedEvent[], firstDisclosed: Map<string, LocalDate>): void {
  for (const e of events) {
    const created = [e.date, firstDisclosed.get(e.id) ?? e.date].sort()[0];
    rows.add(s.declaredEvents, {
      id: e.id,
      districtId: d.id,
      schoolId: sc.id,
      itemCode: e.itemCode,
      year,
      eventDate: e.date,
      title: e.title,
      createdBy: sc.coordinatorId,
      createdAt: at(created, 8, 30),
    });
  }
}

/** "No such matter this quarter" for event items without events, for quarters already reported. */
export function addNoMatterRows(rows: SeedRows, d: DistrictCtx, sc: SchoolCtx, year: number, events: PlannedEvent[], lastQuarter: Quarter, asOf: LocalDate, r: Rng): void {
  const key = `${d.def.code}/${sc.def.code}/${year}`;
  const p = sc.def.profile === 'exemplary' ? 0.8 : sc.def.profile === 'missing' ? 0.15 : 0.35;
  for (let q = 1 as Quarter; q <= lastQuarter; q = (q + 1) as Quarter) {
    for (const [item, reason] of Object.entries(NO_MATTER_REASONS)) {
      if (events.some((e) => e.itemCode === item && quarterOfDate(e.date) === q)) continue;
      const found = CHALLENGED.find(([k, it, cq]) => k === key && it === item && cq === q);
      if (!found && !r.chance(p)) continue;
      const created = addDays(quarterEndDate(year, q), r.int(2, 9));
      if (created > asOf) continue;
      const challenge = found && addDays(created, 12) <= asOf ? found : undefined;
      rows.add(s.noMatterStatements, {
        id: seedId(`nomatter/${key}/${item}/${q}`),
        districtId: d.id,
        schoolId: sc.id,
        itemCode: item,
        year,
        quarter: q,
        reason,
        createdBy: sc.coordinatorId,
        createdAt: at(created, 16),
        challengedAt: challenge ? at(addDays(created, 12), 10) : null,
        challengedBy: challenge ? (sc.zoneIndex === 0 ? d.evalZ1Id : d.evalId) : null,
        challengeNote: challenge ? challenge[3] : null,
      });
    }
  }
}
