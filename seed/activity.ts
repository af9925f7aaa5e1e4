// Disclosures of one school and year: obligations come from the domain core (expandObligations),
// every date is checked with validateDisclosureDate, and the school's profile decides how many
// obligations are met and how many on time.
import * as s from '@/db/schema';
import { addDays, diffDays, maxLocalDate, minLocalDate, quarterOfDate } from '@/core/domain/dates';
import { expandObligations, validateDisclosureDate } from '@/modules/obligations/domain/obligations';
import { closeDate } from '@/core/domain/periods';
import type { Channel, ChecklistItem, DeclaredEvent, LocalDate, Obligation, Quarter } from '@/core/domain/types';
import type { DistrictCtx, SchoolCtx } from './build-org';
import { DEFAULT_CHECKLIST_TEMPLATE } from '@/modules/checklist/domain/default-template';
import { isProcurementFlagged, isProcurementItem } from '@/modules/checklist/domain/procurement';
import { addEventRows, addNoMatterRows, planEvents, type PlannedEvent } from './events';
import { seedId } from './ids';
import type { Profile } from './org';
import { holidaysOf } from './org';
import { rng, type Rng } from './rng';
import { at, type SeedRows } from './rows';
import { periodLabel, REJECTION_REASONS, summaryFor } from './texts';

export const CLOSE_DAYS = 45;

/** An obligation and the date of its earliest accepted (not rejected) disclosure. */
export interface ObligationFact {
  ob: Obligation;
  firstAccepted: LocalDate | null;
}

/** Chance that an obligation is never disclosed / disclosed after its deadline. */
const BEHAVIOUR: Record<Profile, { miss: number; late: number }> = {
  exemplary: { miss: 0, late: 0 },
  good: { miss: 0.03, late: 0.07 },
  noCongress: { miss: 0.03, late: 0.08 },
  veto: { miss: 0.04, late: 0.09 },
  late: { miss: 0.05, late: 0.5 },
  missing: { miss: 0.3, late: 0.15 },
};

/** Rejected disclosures: [district/school/year, item, period key, reason index, re-disclosed?]. */
const REJECTIONS: [string, string, string, number, boolean][] = [
  ['dongcheng/dc19/2025', 'M03', '2025-05', 0, false],
  ['dongcheng/dc08/2026', 'P04', '2026-Q2', 1, true],
  ['xishan/xs13/2025', 'F02', '2025-H1', 0, true],
  ['xishan/xs16/2024', 'M01', '2024-10', 2, true],
];

const CHANNELS_BY_CODE = new Map(DEFAULT_CHECKLIST_TEMPLATE.map((t) => [t.code, t.channels]));

/** Where an on-time disclosure of this obligation realistically falls. */
function onTimeRange(item: ChecklistItem, ob: Obligation): [LocalDate, LocalDate] {
  const y = ob.year;
  if (ob.eventDate) {
    // §3 事前公开: the notice goes up a full notice period ahead — by the deadline (event − N days).
    if (ob.timingBefore) return [addDays(ob.deadline, -6), ob.deadline];
    return [ob.eventDate, minLocalDate(addDays(ob.eventDate, 4), ob.deadline)];
  }
  switch (item.frequency) {
    case 'monthly':
    case 'quarterly':
      return [addDays(ob.windowEnd, 1), ob.deadline];
    case 'semiannual':
      if (item.code === 'C01') return ob.periodKey.endsWith('H1') ? [`${y}-03-05`, `${y}-04-30`] : [`${y}-09-20`, `${y}-11-15`];
      return [addDays(ob.windowEnd, -12), ob.deadline];
    case 'termStart':
      return [addDays(ob.windowStart ?? ob.windowEnd, 10), minLocalDate(addDays(ob.windowStart ?? ob.windowEnd, 40), ob.deadline)];
    case 'annual': {
      const md: Record<string, [string, string]> = {
        G01: ['02-20', '03-31'],
        E01: ['05-10', '06-30'],
        G02: ['09-01', '09-30'],
        C02: ['03-05', '04-30'],
        M02: ['03-01', '04-15'],
        P03: ['12-05', '12-28'],
        S01: ['12-01', '12-25'],
        T01: ['09-05', '10-20'],
      };
      const [a, b] = md[item.code] ?? ['11-01', '12-31'];
      return [`${y}-${a}`, minLocalDate(`${y}-${b}`, ob.deadline)];
    }
    default:
      return [ob.windowStart ?? ob.windowEnd, ob.deadline];
  }
}

function pickBetween(r: Rng, from: LocalDate, to: LocalDate): LocalDate | null {
  return from > to ? null : addDays(from, r.int(0, diffDays(from, to)));
}

function pickChannels(r: Rng, code: string): Channel[] {
  const all = CHANNELS_BY_CODE.get(code) ?? ['noticeBoard'];
  const out: Channel[] = [all[0]];
  if (all.length > 1 && r.chance(0.5)) out.push(r.pick(all.slice(1)));
  return out;
}

export function buildSchoolYear(rows: SeedRows, d: DistrictCtx, sc: SchoolCtx, year: number, asOf: LocalDate): ObligationFact[] {
  const key = `${d.def.code}/${sc.def.code}/${year}`;
  const r = rng(`activity/${key}`);
  const checklist = d.checklists.get(year);
  if (!checklist) throw new Error(`seed: no checklist for ${d.def.code} ${year}`);
  const events = planEvents(d, sc, year, asOf, rng(`events/${key}`));
  const eventById = new Map<string, PlannedEvent>(events.map((e) => [e.id, e]));
  const declared: DeclaredEvent[] = events.map((e) => ({ id: e.id, itemId: checklist.byCode.get(e.itemCode)!.id, eventDate: e.date, title: e.title }));
  // §3: working-day notice periods skip the district's holidays (a 事前 deadline may fall in the year before).
  const holidays = [year - 1, year, year + 1].flatMap((y) => holidaysOf(y).map((h) => h.day));
  const obligations = expandObligations(checklist.items, year, declared, { holidays });
  const itemById = new Map(checklist.items.map((i) => [i.id, i]));
  const behaviour = BEHAVIOUR[sc.def.profile];
  const facts: ObligationFact[] = [];
  const firstByEvent = new Map<string, LocalDate>();
  const reviewer = sc.zoneIndex === 0 ? d.evalZ1Id : d.evalId;

  for (const ob of obligations) {
    const item = itemById.get(ob.itemId)!;
    const code = item.code;
    const close = closeDate({ year: ob.year, quarter: ob.quarter }, CLOSE_DAYS);
    const last = minLocalDate(close, asOf);
    // A rejection needs a disclosure date that leaves room for the review before asOf.
    const rejection = ob.deadline < addDays(asOf, -20) ? REJECTIONS.find(([k, it, pk]) => k === key && it === code && pk === ob.periodKey) : undefined;

    let outcome: 'onTime' | 'late' | 'none';
    if (sc.def.profile === 'noCongress' && year === 2025 && (code === 'C01' || code === 'C02')) outcome = 'none';
    else if (rejection) outcome = 'onTime';
    else if (code !== 'C01' && r.chance(behaviour.miss)) outcome = 'none';
    else outcome = r.chance(behaviour.late) ? 'late' : 'onTime';

    let date: LocalDate | null = null;
    if (outcome === 'onTime' && (ob.deadline <= asOf || sc.def.profile === 'exemplary' || r.chance(0.85))) {
      const [from, to] = onTimeRange(item, ob);
      const lo = ob.windowStart ? maxLocalDate(from, ob.windowStart) : from;
      date = pickBetween(r, lo, minLocalDate(minLocalDate(to, ob.deadline), last));
      // The preferred range can lie after asOf (e.g. a December item): then not yet disclosed.
    } else if (outcome === 'late') {
      // After the deadline; for a 事前 item either still before the matter (late) or only on or
      // after it (late and 事前公开未落实) — the demo shows both.
      const from = addDays(ob.deadline, 1);
      date = pickBetween(r, from, minLocalDate(addDays(from, 25), last));
    }
    if (date === null) {
      if (rejection) throw new Error(`seed: rejection case ${key} ${code} ${ob.periodKey} has no disclosure`);
      facts.push({ ob, firstAccepted: null });
      continue;
    }

    const ev = ob.eventId ? eventById.get(ob.eventId) : undefined;
    const disclose = (on: LocalDate, n: number): string => {
      const issue = validateDisclosureDate(ob, on, { closeDays: CLOSE_DAYS, today: asOf });
      if (issue) throw new Error(`seed: invalid disclosure date ${on} for ${key} ${code} ${ob.periodKey}: ${issue}`);
      const id = seedId(`disclosure/${key}/${code}/${ob.periodKey}/${n}`);
      const t = at(on, r.int(8, 17), r.int(0, 59));
      const amount = ev?.amount ?? null;
      const method = ev?.method ?? null;
      rows.add(s.disclosures, {
        id,
        districtId: d.id,
        schoolId: sc.id,
        itemCode: code,
        periodKey: ob.periodKey,
        year: ob.year,
        quarter: ob.quarter,
        eventId: ob.eventId,
        disclosedOn: on,
        plannedOn: ob.timingBefore ? ob.eventDate : null,
        channels: pickChannels(r, code),
        audience: item.audience,
        summary: summaryFor({
          code,
          school: sc.def.name,
          district: d.def.name,
          year: ob.year,
          period: ev ? ev.title : periodLabel(ob.periodKey),
          title: ev?.title ?? '',
          amount,
          method,
          r,
        }),
        procurementAmount: isProcurementItem(code) ? amount : null,
        procurementMethod: isProcurementItem(code) ? method : null,
        procurementFlag: isProcurementItem(code) && isProcurementFlagged(amount, method),
        createdBy: sc.coordinatorId,
        createdAt: t,
        updatedAt: t,
      });
      return id;
    };

    const firstId = disclose(date, 0);
    let accepted: LocalDate | null = date;
    if (rejection) {
      const rejectedOn = addDays(date, r.int(4, 10));
      if (rejectedOn > asOf) throw new Error(`seed: rejection after asOf for ${key} ${code}`); // unreachable (see above)
      rows.add(s.disclosureRejections, {
        id: seedId(`rejection/${key}/${code}/${ob.periodKey}`),
        districtId: d.id,
        disclosureId: firstId,
        reason: REJECTION_REASONS[rejection[3]],
        rejectedBy: reviewer,
        rejectedAt: at(rejectedOn, 14, 20),
      });
      accepted = null;
      const again = rejection[4] ? pickBetween(r, addDays(rejectedOn, 2), minLocalDate(addDays(rejectedOn, 6), last)) : null;
      if (again) {
        disclose(again, 1);
        accepted = again;
      }
    } else if (r.chance(0.03)) {
      // Now and then the same matter is published again through another channel.
      const again = pickBetween(r, addDays(date, 1), minLocalDate(addDays(date, 5), last));
      if (again) disclose(again, 1);
    }
    if (ob.eventId) firstByEvent.set(ob.eventId, date);
    facts.push({ ob, firstAccepted: accepted });
  }

  addEventRows(rows, d, sc, year, events, firstByEvent);
  const asOfYear = Number(asOf.slice(0, 4));
  const lastQuarter: Quarter | 0 = year < asOfYear ? 4 : year > asOfYear ? 0 : ((quarterOfDate(asOf) - 1) as Quarter | 0);
  if (lastQuarter > 0) addNoMatterRows(rows, d, sc, year, events, lastQuarter as Quarter, asOf, rng(`nomatter/${key}`));
  return facts;
}
