// One school's obligation results for some quarters of a year, from the raw inputs the data layer
// loads (DESIGN §3): the checklist version in force per quarter, the school's declared events, and
// its disclosures reduced per obligation (earliest accepted date, any rejection). This is the one
// computation behind the fact store (modules/facts): the store holds what this returns, and a
// change of these rules reaches the stored facts through the rebuild / recompute path.
import type { ChecklistItem, DeclaredEvent, DisclosureFact, LocalDate, Obligation, ObligationResult, Quarter } from '@/core/domain/types';
import { expandObligations, obligationsForQuarter, type ObligationCalendar } from './obligations';
import { evaluateAll } from './status';

/** The checklist in force for one quarter (versionInForce), its items in list order. */
export interface QuarterChecklist {
  quarter: Quarter;
  /** The version's id ('' when the quarter has no checklist). */
  versionId: string;
  items: readonly ChecklistItem[];
}

/** A declared event as stored (by item code: the version in force supplies the item). */
export interface EventInput {
  id: string;
  itemCode: string;
  eventDate: LocalDate;
  title: string;
}

/** A school's disclosures of one obligation, reduced (SQL: min date of the accepted ones, any rejection). */
export interface DisclosureSummary {
  itemCode: string;
  periodKey: string;
  quarter: number;
  /** Earliest disclosure date no evaluator rejected; null when every one was rejected. */
  firstOk: LocalDate | null;
  anyRejected: boolean;
}

/**
 * The calendar obligations of each quarter do not depend on the school: expanded once per
 * district-year and shared by every school (the caller passes them back in).
 */
export interface PreparedQuarter extends QuarterChecklist {
  idByCode: Map<string, string>;
  eventItems: ChecklistItem[];
  base: Obligation[];
  /** The district's holidays (§3: deadlines counted in working days). */
  cal: ObligationCalendar;
}

/** `cal`: the district's holidays of the year and the years around it (a 事前 deadline may fall in the year before). */
export function prepareQuarters(year: number, quarters: readonly QuarterChecklist[], cal: ObligationCalendar): PreparedQuarter[] {
  return quarters.map((c) => {
    const calendar = c.items.filter((i) => i.frequency !== 'event');
    return {
      ...c,
      idByCode: new Map(c.items.map((i) => [i.code, i.id])),
      eventItems: c.items.filter((i) => i.frequency === 'event'),
      base: obligationsForQuarter(expandObligations(calendar, year, [], cal), year, c.quarter),
      cal,
    };
  });
}

/**
 * §3: the school's obligations of the prepared quarters, in quarter order (each quarter: the
 * calendar obligations in item order, then the declared events'), each judged met / on time /
 * rejected (evaluateAll; `today` only decides 'notYetDue' against 'missing').
 */
export function schoolYearResults(year: number, prepared: readonly PreparedQuarter[], events: readonly EventInput[], summaries: readonly DisclosureSummary[], today: LocalDate): ObligationResult[] {
  const out: ObligationResult[] = [];
  // Event obligations of the year, expanded once per checklist version (usually one a year).
  const eventObligations = new Map<string, Obligation[]>();
  for (const pq of prepared) {
    let expanded = eventObligations.get(pq.versionId);
    if (!expanded) {
      const declared: DeclaredEvent[] = [];
      for (const e of events) {
        const itemId = pq.idByCode.get(e.itemCode);
        if (itemId) declared.push({ id: e.id, itemId, eventDate: e.eventDate, title: e.title });
      }
      expanded = declared.length ? expandObligations(pq.eventItems, year, declared, pq.cal) : [];
      eventObligations.set(pq.versionId, expanded);
    }
    const own = expanded.length ? obligationsForQuarter(expanded, year, pq.quarter) : [];
    const obligations = own.length ? [...pq.base, ...own] : pq.base;
    const facts: DisclosureFact[] = [];
    for (const f of summaries) {
      if (Number(f.quarter) !== pq.quarter) continue;
      const itemId = pq.idByCode.get(f.itemCode);
      if (!itemId) continue;
      // One accepted fact (the earliest accepted date) and one rejected fact are all that
      // evaluateAll needs to decide met / on time / rejected (§3, §5).
      if (f.firstOk) facts.push({ id: `${f.periodKey}:ok`, itemId, periodKey: f.periodKey, disclosedOn: f.firstOk, rejected: false });
      if (f.anyRejected) facts.push({ id: `${f.periodKey}:rej`, itemId, periodKey: f.periodKey, disclosedOn: f.firstOk ?? '0000-01-01', rejected: true });
    }
    out.push(...evaluateAll(obligations, facts, today));
  }
  return out;
}
