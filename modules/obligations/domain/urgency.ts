// What a coordinator should look at first (issue 3, DESIGN §8 "coordinators see what is due and
// overdue"): obligations of a quarter grouped by domain, overdue ones first, then those due within
// DUE_SOON_DAYS, then the rest still open, then the ones already met.
import { addDays } from '@/core/domain/dates';
import type { ChecklistItem, LocalDate, ObligationResult } from '@/core/domain/types';

export const DUE_SOON_DAYS = 7;

export const URGENCIES = ['overdue', 'dueSoon', 'open', 'done'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * §3: an unmet obligation whose deadline has passed is overdue (status missing, or rejected with
 * the deadline gone); unmet and due within 7 days (today included) is dueSoon; met (on time or
 * late) is done. A rejected disclosure before the deadline is simply open/dueSoon again (§5: it
 * un-meets the obligation, the school can still disclose in time).
 */
export function urgencyOf(r: ObligationResult, today: LocalDate): Urgency {
  if (r.met) return 'done';
  if (r.obligation.deadline < today) return 'overdue';
  if (r.obligation.deadline <= addDays(today, DUE_SOON_DAYS)) return 'dueSoon';
  return 'open';
}

const RANK: Record<Urgency, number> = { overdue: 0, dueSoon: 1, open: 2, done: 3 };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Overdue, due soon, open, done; then by deadline, item code and period key (stable and total). */
export function compareByUrgency(a: ObligationResult, b: ObligationResult, today: LocalDate): number {
  return (
    RANK[urgencyOf(a, today)] - RANK[urgencyOf(b, today)] ||
    cmp(a.obligation.deadline, b.obligation.deadline) ||
    cmp(a.obligation.itemCode, b.obligation.itemCode) ||
    cmp(a.obligation.periodKey, b.obligation.periodKey)
  );
}

export interface DomainGroup {
  domain: string;
  results: ObligationResult[];
  /** How many of the group's obligations are overdue — shown on the group heading. */
  overdue: number;
}

/**
 * Groups results by their item's domain, in the order the domains first appear in `items`
 * (the checklist's display order), each group sorted by urgency. Results of unknown items are
 * grouped under ''.
 */
export function groupByDomain(results: readonly ObligationResult[], items: ReadonlyMap<string, Pick<ChecklistItem, 'domain'>>, today: LocalDate): DomainGroup[] {
  const order = new Map<string, number>();
  for (const item of items.values()) if (!order.has(item.domain)) order.set(item.domain, order.size);
  const groups = new Map<string, ObligationResult[]>();
  for (const r of results) {
    const domain = items.get(r.obligation.itemId)?.domain ?? '';
    const list = groups.get(domain);
    if (list) list.push(r);
    else groups.set(domain, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || cmp(a, b))
    .map(([domain, list]) => {
      const sorted = [...list].sort((x, y) => compareByUrgency(x, y, today));
      return { domain, results: sorted, overdue: sorted.filter((r) => urgencyOf(r, today) === 'overdue').length };
    });
}

/** Counts per urgency, for the "needs attention" summary at the top of the quarter page. */
export function urgencyCounts(results: readonly ObligationResult[], today: LocalDate): Record<Urgency, number> {
  const out: Record<Urgency, number> = { overdue: 0, dueSoon: 0, open: 0, done: 0 };
  for (const r of results) out[urgencyOf(r, today)] += 1;
  return out;
}
