// Checklist versions and items for a district and year (§2). Runs inside a scoped transaction.
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistItems, checklistVersions, type ChecklistItemRow } from '@/db/schema';
import type { ChecklistItem, Quarter } from '@/core/domain/types';
import { versionInForce } from '@/modules/checklist/domain/version-in-force';

export function toDomainItem(r: ChecklistItemRow): ChecklistItem {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    domain: r.domain,
    frequency: r.frequency,
    deadlineDays: r.deadlineDays,
    workingDays: r.workingDays,
    annualDueDate: r.annualDueDate,
    weight: r.weight,
    mandatory: r.mandatory,
    tags: r.tags,
    timing: r.timing === 'before' ? 'before' : null,
    audience: r.audience,
  };
}

export interface VersionItems {
  versionId: string;
  version: number;
  items: ChecklistItemRow[];
}

/** The version in force for a quarter (§2, modules/checklist/domain/version-in-force.ts) and its items. */
export async function versionForQuarter(tx: Tx, districtId: string, year: number, quarter: Quarter): Promise<VersionItems | null> {
  const versions = await tx
    .select()
    .from(checklistVersions)
    .where(and(eq(checklistVersions.districtId, districtId), eq(checklistVersions.year, year)));
  const v = versionInForce(versions, quarter);
  if (!v) return null;
  const items = await tx
    .select()
    .from(checklistItems)
    .where(and(eq(checklistItems.districtId, districtId), eq(checklistItems.versionId, v.id), eq(checklistItems.retired, false)))
    .orderBy(asc(checklistItems.sortOrder), asc(checklistItems.code));
  return { versionId: v.id, version: v.version, items };
}
