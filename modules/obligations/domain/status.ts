// Obligation status: met / on time / late / rejected / not yet due / missing (DESIGN.md §3, §5).
import { obligationKey } from './obligations';
import type { DisclosureFact, LocalDate, Obligation, ObligationResult } from '@/core/domain/types';

/**
 * §3: an obligation is met when at least one disclosure was not rejected (§5: a rejection
 * un-meets it). It is on time when the earliest accepted disclosure is dated on or before the
 * deadline — for `timing: before` items too, whose deadline is the event date minus the notice
 * period: disclosed after it but before the event it is met but late; on or after the event it is
 * met, late and `notBefore` (事前公开未落实, flagged for the evaluator).
 *
 * §4: `due` = the deadline is before today; only due obligations count in the rates.
 *
 * Status when nothing is accepted (decision where DESIGN is silent): 'rejected' if some disclosure
 * exists but all were rejected (whatever the date, so the school sees why); else 'notYetDue' while
 * today ≤ deadline; else 'missing'. Disclosures of other obligations in `disclosures` are ignored.
 */
export function evaluateObligation(ob: Obligation, disclosures: readonly DisclosureFact[], today: LocalDate): ObligationResult {
  let first: LocalDate | null = null;
  let anyRejected = false;
  for (const d of disclosures) {
    if (d.itemId !== ob.itemId || d.periodKey !== ob.periodKey) continue;
    if (d.rejected) anyRejected = true;
    else if (first === null || d.disclosedOn < first) first = d.disclosedOn;
  }
  const due = ob.deadline < today;
  if (first !== null) {
    const onTime = first <= ob.deadline;
    const notBefore = ob.timingBefore && ob.eventDate !== null && first >= ob.eventDate;
    return { obligation: ob, status: onTime ? 'metOnTime' : 'metLate', met: true, onTime, firstDisclosedOn: first, due, notBefore };
  }
  const status = anyRejected ? 'rejected' : due ? 'missing' : 'notYetDue';
  return { obligation: ob, status, met: false, onTime: false, firstDisclosedOn: null, due, notBefore: false };
}

const NONE: readonly DisclosureFact[] = [];

/**
 * Evaluate many obligations at once. Disclosures are indexed by (itemId, periodKey) in a Map, so
 * this is O(obligations + disclosures). Results are in obligation order; disclosures that match
 * no obligation are ignored.
 */
export function evaluateAll(obligations: readonly Obligation[], disclosures: readonly DisclosureFact[], today: LocalDate): ObligationResult[] {
  const byKey = new Map<string, DisclosureFact[]>();
  for (const d of disclosures) {
    const k = obligationKey(d.itemId, d.periodKey);
    const list = byKey.get(k);
    if (list) list.push(d);
    else byKey.set(k, [d]);
  }
  return obligations.map((ob) => evaluateObligation(ob, byKey.get(obligationKey(ob.itemId, ob.periodKey)) ?? NONE, today));
}
