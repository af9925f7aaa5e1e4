// The one loader of obligation results (DESIGN §3), read from the fact store (issue 15,
// modules/facts): the checklist version in force per quarter (modules/checklist/domain/
// version-in-force.ts) and, per school, the results of the quarters asked for — exactly what the
// domain computes from the raw rows (schoolYearResults), kept up to date by every write.
import type { Tx } from '@/db/client';
import type { ChecklistItem, LocalDate, ObligationResult, Quarter } from '@/core/domain/types';
import type { PeriodResults } from '@/modules/facts/data/compute';
import { readResults } from '@/modules/facts/data/read';

export interface QuarterResults {
  items: ChecklistItem[];
  bySchool: Map<string, ObligationResult[]>;
}

/** Obligation results of one quarter for the given schools (already scope-checked by the caller). */
export async function quarterResults(tx: Tx, districtId: string, schoolIds: readonly string[], year: number, quarter: Quarter, today: LocalDate): Promise<QuarterResults> {
  const r = await periodResults(tx, districtId, schoolIds, year, [quarter], today);
  return { items: r.itemsByQuarter.get(quarter) ?? [], bySchool: r.bySchool };
}

/** Obligation results of the quarters of a year for the given schools, in quarter order per school. */
export function periodResults(tx: Tx, districtId: string, schoolIds: readonly string[], year: number, quarters: readonly Quarter[], today: LocalDate): Promise<PeriodResults> {
  return readResults(tx, districtId, schoolIds, year, quarters, today);
}
