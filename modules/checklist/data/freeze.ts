// §2: a checklist version freezes when the year's first report is submitted. The report-submit
// action (another feature) calls this inside its own transaction.
import { and, eq, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistVersions, quarterlyReports } from '@/db/schema';
import type { Quarter } from '@/core/domain/types';

/**
 * Sets `frozen_at = at` on the district-year's versions that are not frozen yet. Pass the
 * submitted report's `quarter` so that a newer version applying only from a later quarter stays
 * editable; without it every version of the year freezes (the safe side).
 */
export async function freezeChecklistOnFirstSubmit(tx: Tx, districtId: string, year: number, at: Date, quarter?: Quarter): Promise<void> {
  const conds: SQL[] = [eq(checklistVersions.districtId, districtId), eq(checklistVersions.year, year), isNull(checklistVersions.frozenAt)];
  if (quarter !== undefined) conds.push(lte(checklistVersions.effectiveFromQuarter, quarter));
  await tx
    .update(checklistVersions)
    .set({ frozenAt: at })
    .where(and(...conds));
}

/** Quarters of the district-year with at least one submitted report (first submission recorded). */
export async function submittedQuarters(tx: Tx, districtId: string, year: number): Promise<Set<number>> {
  const rows = await tx
    .selectDistinct({ quarter: quarterlyReports.quarter })
    .from(quarterlyReports)
    .where(and(eq(quarterlyReports.districtId, districtId), eq(quarterlyReports.year, year), isNotNull(quarterlyReports.submittedAt)));
  return new Set(rows.map((r) => r.quarter));
}
