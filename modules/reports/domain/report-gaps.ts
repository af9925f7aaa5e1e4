// What is still missing when a school submits its quarterly report (DESIGN §5; issue 3: "the gaps
// are recorded in quarterly_reports.gaps_at_submit").
import type { ObligationResult } from '@/core/domain/types';

export interface Gap {
  itemCode: string;
  periodKey: string;
}

function byCodeAndPeriod(a: Gap, b: Gap): number {
  return a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0;
}

/** Mandatory obligations not met (missing, rejected or not yet disclosed), by item code then period. */
export function mandatoryGaps(results: readonly ObligationResult[]): Gap[] {
  return results
    .filter((r) => r.obligation.mandatory && !r.met)
    .map((r) => ({ itemCode: r.obligation.itemCode, periodKey: r.obligation.periodKey }))
    .sort(byCodeAndPeriod);
}

/** Recommended (non-mandatory) obligations not met: listed for information, never a gap. */
export function optionalGaps(results: readonly ObligationResult[]): Gap[] {
  return results
    .filter((r) => !r.obligation.mandatory && !r.met)
    .map((r) => ({ itemCode: r.obligation.itemCode, periodKey: r.obligation.periodKey }))
    .sort(byCodeAndPeriod);
}
