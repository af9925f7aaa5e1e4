// The fact store's rows as plain data (issue 15), and the pure steps between them and the domain's
// results: an ObligationResult becomes a fact (everything the domain decided whatever the day),
// a fact becomes the same ObligationResult again on any day (statusOn), a quarter's facts add up
// to its sums with the one tally of §4, and two sets of facts are compared for the incremental
// update (only what changed is written) and for the store's check against a rebuild.
import { tally } from '@/modules/obligations/domain/metrics';
import { statusOn } from '@/modules/obligations/domain/status';
import type { CoverageTally, LocalDate, Obligation, ObligationResult, Quarter } from '@/core/domain/types';

/** One obligation of one school (DESIGN §3) as stored: the obligation itself and what the domain decided. */
export interface ObligationFact extends Obligation {
  schoolId: string;
  /** Position in the quarter's list (the order the domain produced). */
  seq: number;
  met: boolean;
  onTime: boolean;
  rejected: boolean;
  firstDisclosedOn: LocalDate | null;
  priorMissed: boolean;
}

/** The facts of one school's results, numbered per quarter in the order given. */
export function factsOf(schoolId: string, results: readonly ObligationResult[]): ObligationFact[] {
  const seq = new Map<number, number>();
  return results.map((r) => {
    const o = r.obligation;
    const n = seq.get(o.quarter) ?? 0;
    seq.set(o.quarter, n + 1);
    return {
      schoolId,
      year: o.year,
      quarter: o.quarter,
      itemCode: o.itemCode,
      periodKey: o.periodKey,
      seq: n,
      itemId: o.itemId,
      windowStart: o.windowStart,
      windowEnd: o.windowEnd,
      deadline: o.deadline,
      weight: o.weight,
      mandatory: o.mandatory,
      timingBefore: o.timingBefore,
      eventId: o.eventId,
      eventDate: o.eventDate,
      met: r.met,
      onTime: r.onTime,
      rejected: r.status === 'rejected',
      firstDisclosedOn: r.firstDisclosedOn,
      priorMissed: r.notBefore,
    };
  });
}

/** The result a fact stands for, on `today` (equal to what the domain computes from the raw rows). */
export function resultOf(f: ObligationFact, today: LocalDate): ObligationResult {
  return {
    obligation: {
      itemId: f.itemId,
      itemCode: f.itemCode,
      periodKey: f.periodKey,
      year: f.year,
      quarter: f.quarter,
      windowStart: f.windowStart,
      windowEnd: f.windowEnd,
      deadline: f.deadline,
      weight: f.weight,
      mandatory: f.mandatory,
      timingBefore: f.timingBefore,
      eventId: f.eventId,
      eventDate: f.eventDate,
    },
    status: statusOn(f, today),
    met: f.met,
    onTime: f.onTime,
    firstDisclosedOn: f.firstDisclosedOn,
    due: f.deadline < today,
    notBefore: f.priorMissed,
  };
}

/**
 * A quarter's sums and counts, as school_period_facts keeps them: over ALL its obligations, as if
 * every one were due (the store holds nothing that depends on the day). A reader uses them as the
 * §4 tally once the quarter's last deadline has passed (then every obligation is due); before, it
 * tallies the quarter's obligation facts on its day (modules/facts/data/read.ts).
 */
export interface PeriodSums extends CoverageTally {
  rejected: number;
  priorMissed: number;
  /** The latest deadline of the quarter's obligations (null: none). */
  lastDeadline: LocalDate | null;
}

/** Per quarter, the sums of one school's results (quarters without obligations are empty sums). */
export function periodSums(results: readonly ObligationResult[], quarters: readonly Quarter[]): Map<Quarter, PeriodSums> {
  const out = new Map<Quarter, PeriodSums>();
  for (const q of quarters) {
    const own = results.filter((r) => r.obligation.quarter === q);
    let last: LocalDate | null = null;
    for (const r of own) if (last === null || r.obligation.deadline > last) last = r.obligation.deadline;
    out.set(q, {
      ...tally(own.map((r) => ({ ...r, due: true }))),
      rejected: own.filter((r) => r.status === 'rejected').length,
      priorMissed: own.filter((r) => r.notBefore).length,
      lastDeadline: last,
    });
  }
  return out;
}

export const factKey = (f: Pick<ObligationFact, 'schoolId' | 'quarter' | 'itemCode' | 'periodKey'>): string => `${f.schoolId}\u0000${f.quarter}\u0000${f.itemCode}\u0000${f.periodKey}`;

const FIELDS = [
  'seq',
  'itemId',
  'windowStart',
  'windowEnd',
  'deadline',
  'weight',
  'mandatory',
  'timingBefore',
  'eventId',
  'eventDate',
  'met',
  'onTime',
  'rejected',
  'firstDisclosedOn',
  'priorMissed',
] as const satisfies readonly (keyof ObligationFact)[];

export function sameFact(a: ObligationFact, b: ObligationFact): boolean {
  return FIELDS.every((k) => a[k] === b[k]);
}

/** What to write so that `stored` becomes `next`: rows to upsert (new or changed) and keys to delete. */
export function diffFacts(stored: readonly ObligationFact[], next: readonly ObligationFact[]): { upsert: ObligationFact[]; remove: ObligationFact[] } {
  const old = new Map(stored.map((f) => [factKey(f), f]));
  const upsert: ObligationFact[] = [];
  for (const f of next) {
    const k = factKey(f);
    const was = old.get(k);
    old.delete(k);
    if (!was || !sameFact(was, f)) upsert.push(f);
  }
  return { upsert, remove: [...old.values()] };
}
