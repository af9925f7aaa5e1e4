// District admin: add, edit, retire checklist items, and import a whole checklist file (issue 7).
// Every change goes to the version editableVersion() picks: the latest in place while it is not
// frozen, otherwise a new version from the next quarter. Items are retired, never deleted.
import { and, eq } from 'drizzle-orm';
import { checklistItems, checklistVersions, type ChecklistItemRow } from '@/db/schema';
import type { FileItem, ItemInput } from '@/modules/checklist/validation/checklist';
import { audit } from '@/core/audit';
import { editableVersion, itemsOf, itemValues, versionsOf, type PlanSummary } from './admin';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import type { Scope } from '@/core/scope';
import { fieldError } from '@/core/forms/field-errors';
import type { Saved } from '@/core/forms/state';
import { markRecompute } from '@/modules/facts/data/refresh';

export interface ItemSaved {
  version: number;
  effectiveFromQuarter: number;
  newVersion: boolean;
}

function refused(plan: PlanSummary) {
  return { ok: false as const, errors: { _form: { key: `adminChecklist.plan.${plan.kind === 'refused' ? plan.reason : 'noVersion'}` } } };
}

function sameItem(a: ReturnType<typeof itemValues>, b: ReturnType<typeof itemValues>): boolean {
  return (Object.keys(a) as (keyof typeof a)[]).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** Adds an item (`originalCode` null) or edits one; the code of an existing item never changes (disclosures refer to it). */
export async function saveChecklistItem(scope: Scope, year: number, originalCode: string | null, input: ItemInput): Promise<Saved<ItemSaved>> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const versions = await versionsOf(tx, s.districtId, year);
    const latest = versions[versions.length - 1];
    if (!latest) notFound();
    const current = await itemsOf(tx, s.districtId, latest.id);
    const before = originalCode === null ? undefined : current.find((i) => i.code === originalCode);
    if (originalCode !== null && !before) notFound();
    if (originalCode === null && current.some((i) => i.code.toLowerCase() === input.code.toLowerCase())) return { ok: false, errors: fieldError('code', 'adminForm.codeTaken') };
    const values = { ...input, code: before?.code ?? input.code };
    // Saving an unchanged item must not create a version.
    if (before && sameItem(itemValues(before), values)) return { ok: true, value: { version: latest.version, effectiveFromQuarter: latest.effectiveFromQuarter, newVersion: false } };

    const target = await editableVersion(tx, s, year);
    if (!target.ok) return refused(target.plan);
    const v = target.version;
    if (before) {
      await tx
        .update(checklistItems)
        .set(values)
        .where(and(eq(checklistItems.districtId, s.districtId), eq(checklistItems.versionId, v.id), eq(checklistItems.code, before.code)));
    } else {
      await tx.insert(checklistItems).values({ ...values, districtId: s.districtId, versionId: v.id });
    }
    await audit(tx, s, {
      entity: 'checklist_item',
      entityId: `${year}/${values.code}`,
      action: before ? 'update' : 'create',
      before: before ? { version: latest.version, ...itemValues(before) } : null,
      after: { version: v.version, ...values },
    });
    await markRecompute(tx, s.districtId, [year], 'checklist');
    return { ok: true, value: { version: v.version, effectiveFromQuarter: v.effectiveFromQuarter, newVersion: target.created } };
  });
}

/** Retires an item (it stays, with its history, but is no longer in force) or brings it back. */
export async function setChecklistItemRetired(scope: Scope, year: number, code: string, retired: boolean): Promise<Saved<ItemSaved>> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const versions = await versionsOf(tx, s.districtId, year);
    const latest = versions[versions.length - 1];
    if (!latest) notFound();
    const [item] = await tx
      .select()
      .from(checklistItems)
      .where(and(eq(checklistItems.districtId, s.districtId), eq(checklistItems.versionId, latest.id), eq(checklistItems.code, code)));
    if (!item) notFound();
    if (item.retired === retired) return { ok: true, value: { version: latest.version, effectiveFromQuarter: latest.effectiveFromQuarter, newVersion: false } };
    const target = await editableVersion(tx, s, year);
    if (!target.ok) return refused(target.plan);
    await tx
      .update(checklistItems)
      .set({ retired })
      .where(and(eq(checklistItems.districtId, s.districtId), eq(checklistItems.versionId, target.version.id), eq(checklistItems.code, code)));
    await audit(tx, s, {
      entity: 'checklist_item',
      entityId: `${year}/${code}`,
      action: retired ? 'retire' : 'restore',
      before: { retired: item.retired },
      after: { version: target.version.version, retired },
    });
    await markRecompute(tx, s.districtId, [year], 'checklist');
    return { ok: true, value: { version: target.version.version, effectiveFromQuarter: target.version.effectiveFromQuarter, newVersion: target.created } };
  });
}

/**
 * Makes the year's checklist match a file: listed items are added or updated, items missing from
 * the file are retired (kept, not deleted). A year without a checklist gets version 1.
 */
export async function importChecklistItems(scope: Scope, year: number, items: FileItem[]): Promise<Saved<ItemSaved>> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const versions = await versionsOf(tx, s.districtId, year);
    let version: typeof checklistVersions.$inferSelect;
    let created = false;
    if (versions.length === 0) {
      [version] = (await tx.insert(checklistVersions).values({ districtId: s.districtId, year, version: 1, effectiveFromQuarter: 1 }).returning()) as [typeof version];
      created = true;
    } else {
      const target = await editableVersion(tx, s, year);
      if (!target.ok) return refused(target.plan);
      version = target.version;
      created = target.created;
    }
    const existing = new Map<string, ChecklistItemRow>((await itemsOf(tx, s.districtId, version.id)).map((r) => [r.code.toUpperCase(), r]));
    const listed = new Set<string>();
    for (const it of items) {
      const { retired, ...values } = it;
      const old = existing.get(it.code.toUpperCase());
      listed.add(it.code.toUpperCase());
      if (old) {
        await tx
          .update(checklistItems)
          .set({ ...values, code: old.code, retired })
          .where(and(eq(checklistItems.districtId, s.districtId), eq(checklistItems.id, old.id)));
      } else {
        await tx.insert(checklistItems).values({ ...values, retired, districtId: s.districtId, versionId: version.id });
      }
    }
    const dropped = [...existing.entries()].filter(([code, r]) => !listed.has(code) && !r.retired).map(([, r]) => r);
    for (const r of dropped)
      await tx
        .update(checklistItems)
        .set({ retired: true })
        .where(and(eq(checklistItems.districtId, s.districtId), eq(checklistItems.id, r.id)));
    await audit(tx, s, {
      entity: 'checklist_version',
      entityId: version.id,
      action: 'import',
      after: { year, version: version.version, items: items.length, retired: dropped.map((r) => r.code) },
    });
    await markRecompute(tx, s.districtId, [year], 'checklist');
    return { ok: true, value: { version: version.version, effectiveFromQuarter: version.effectiveFromQuarter, newVersion: created } };
  });
}
