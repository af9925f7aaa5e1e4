// District admin: the checklist of a year (DESIGN §2, issue 7) — its versions, what an edit
// would do (checklist-admin-policy.ts), and starting a year from a platform template or from
// last year's version.
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistItems, checklistTemplateItems, checklistTemplates, checklistVersions, type ChecklistItemRow, type ChecklistVersion } from '@/db/schema';
import type { Quarter, QuarterRef } from '@/core/domain/types';
import { audit } from '@/core/audit';
import { editPlan, isVersionFrozen, latestVersion, type EditPlan } from '@/modules/checklist/domain/edit-policy';
import { submittedQuarters } from './freeze';
import { inDistrict, thisQuarter } from '@/core/context';
import { notFound } from '@/core/errors';
import type { DistrictScope, Scope } from '@/core/scope';
import { isUuid } from '@/core/auth/users';
import type { Saved } from '@/core/forms/state';

export async function versionsOf(tx: Tx, districtId: string, year: number): Promise<ChecklistVersion[]> {
  return tx
    .select()
    .from(checklistVersions)
    .where(and(eq(checklistVersions.districtId, districtId), eq(checklistVersions.year, year)))
    .orderBy(asc(checklistVersions.version));
}

export async function itemsOf(tx: Tx, districtId: string, versionId: string): Promise<ChecklistItemRow[]> {
  return tx
    .select()
    .from(checklistItems)
    .where(and(eq(checklistItems.districtId, districtId), eq(checklistItems.versionId, versionId)))
    .orderBy(asc(checklistItems.sortOrder), asc(checklistItems.code));
}

/** The item columns of a row, ready to be copied into another version (or a template). */
export function itemValues(r: ChecklistItemRow | typeof checklistTemplateItems.$inferSelect) {
  const { code, name, domain, basis, content, responsibleParty, channels, timeLimit, audience, frequency, deadlineDays, workingDays, annualDueDate, weight, mandatory, tags, timing, sortOrder } = r;
  return { code, name, domain, basis, content, responsibleParty, channels, timeLimit, audience, frequency, deadlineDays, workingDays, annualDueDate, weight, mandatory, tags, timing, sortOrder };
}

export type PlanSummary =
  | { kind: 'noVersion' }
  | { kind: 'inPlace'; version: number }
  | { kind: 'newVersion'; version: number; effectiveFromQuarter: Quarter }
  | { kind: 'refused'; reason: 'pastYear' }
  | { kind: 'refused'; reason: 'quarterReported'; quarter: Quarter };

function summarize(plan: EditPlan<ChecklistVersion>): PlanSummary {
  if (plan.kind === 'inPlace') return { kind: 'inPlace', version: plan.version.version };
  if (plan.kind === 'newVersion') return { kind: 'newVersion', version: plan.version, effectiveFromQuarter: plan.effectiveFromQuarter };
  return plan;
}

async function planFor(tx: Tx, districtId: string, year: number, today: QuarterRef) {
  const [versions, submitted] = await Promise.all([versionsOf(tx, districtId, year), submittedQuarters(tx, districtId, year)]);
  return { versions, submitted, plan: editPlan(versions, year, today, submitted) };
}

export interface VersionSummary {
  id: string;
  version: number;
  effectiveFromQuarter: number;
  frozen: boolean;
  frozenAt: Date | null;
  createdAt: Date;
}

export async function checklistOverview(scope: Scope, year: number, versionNo?: number) {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const today = thisQuarter();
    const { versions, submitted, plan } = await planFor(tx, s.districtId, year, today);
    const shownVersion = versions.find((v) => v.version === versionNo) ?? latestVersion(versions);
    const [items, templates, previous] = await Promise.all([
      shownVersion ? itemsOf(tx, s.districtId, shownVersion.id) : Promise.resolve([]),
      tx.select({ id: checklistTemplates.id, code: checklistTemplates.code, name: checklistTemplates.name }).from(checklistTemplates).orderBy(asc(checklistTemplates.createdAt)),
      versionsOf(tx, s.districtId, year - 1),
    ]);
    const summaries: VersionSummary[] = versions.map((v) => ({
      id: v.id,
      version: v.version,
      effectiveFromQuarter: v.effectiveFromQuarter,
      frozen: isVersionFrozen(v, submitted),
      frozenAt: v.frozenAt,
      createdAt: v.createdAt,
    }));
    return {
      year,
      today,
      versions: summaries,
      shown: shownVersion ? { version: shownVersion.version, latest: shownVersion.id === latestVersion(versions)?.id, items } : null,
      plan: summarize(plan),
      templates,
      previousYear: previous.length ? year - 1 : null,
    };
  });
}

/** One item of the latest version, for the edit form. */
export async function checklistItemForEdit(scope: Scope, year: number, code: string) {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const { versions, plan } = await planFor(tx, s.districtId, year, thisQuarter());
    const latest = latestVersion(versions);
    if (!latest) notFound();
    const [item] = await tx
      .select()
      .from(checklistItems)
      .where(and(eq(checklistItems.districtId, s.districtId), eq(checklistItems.versionId, latest.id), eq(checklistItems.code, code)));
    if (!item) notFound();
    return { item, plan: summarize(plan) };
  });
}

export async function checklistPlan(scope: Scope, year: number): Promise<PlanSummary> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => summarize((await planFor(tx, s.districtId, year, thisQuarter())).plan));
}

export type Editable = { ok: true; version: ChecklistVersion; created: boolean } | { ok: false; plan: PlanSummary };

/** Inside the caller's transaction: the version an edit goes to, creating version n+1 when the latest froze. */
export async function editableVersion(tx: Tx, s: DistrictScope, year: number): Promise<Editable> {
  const { plan } = await planFor(tx, s.districtId, year, thisQuarter());
  if (plan.kind === 'inPlace') return { ok: true, version: plan.version, created: false };
  if (plan.kind !== 'newVersion') return { ok: false, plan: summarize(plan) };
  const [version] = await tx
    .insert(checklistVersions)
    .values({ districtId: s.districtId, year, version: plan.version, effectiveFromQuarter: plan.effectiveFromQuarter, sourceTemplateId: plan.from.sourceTemplateId })
    .returning();
  const items = await itemsOf(tx, s.districtId, plan.from.id);
  if (items.length) {
    await tx.insert(checklistItems).values(items.map((r) => ({ ...itemValues(r), retired: r.retired, districtId: s.districtId, versionId: version!.id })));
  }
  await audit(tx, s, {
    entity: 'checklist_version',
    entityId: version!.id,
    action: 'create',
    after: { year, version: plan.version, effectiveFromQuarter: plan.effectiveFromQuarter, copiedFrom: plan.from.version },
  });
  return { ok: true, version: version!, created: true };
}

export type StartSource = { kind: 'template'; templateId: string } | { kind: 'previousYear' };

/** Version 1 of a year, copied from a platform template or from last year's latest version (active items). */
export async function startChecklist(scope: Scope, year: number, source: StartSource): Promise<Saved<number>> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    if ((await versionsOf(tx, s.districtId, year)).length) return { ok: false, errors: { _form: { key: 'adminChecklist.start.exists' } } };
    let items: ReturnType<typeof itemValues>[];
    let templateId: string | null = null;
    if (source.kind === 'template') {
      if (!isUuid(source.templateId)) notFound();
      const [t] = await tx.select().from(checklistTemplates).where(eq(checklistTemplates.id, source.templateId));
      if (!t) notFound();
      templateId = t.id;
      items = (await tx.select().from(checklistTemplateItems).where(eq(checklistTemplateItems.templateId, t.id))).map(itemValues);
    } else {
      const prev = latestVersion(await versionsOf(tx, s.districtId, year - 1));
      if (!prev) notFound();
      templateId = prev.sourceTemplateId;
      items = (await itemsOf(tx, s.districtId, prev.id)).filter((r) => !r.retired).map(itemValues);
    }
    const [version] = await tx.insert(checklistVersions).values({ districtId: s.districtId, year, version: 1, effectiveFromQuarter: 1, sourceTemplateId: templateId }).returning();
    if (items.length) await tx.insert(checklistItems).values(items.map((it) => ({ ...it, districtId: s.districtId, versionId: version!.id })));
    await audit(tx, s, { entity: 'checklist_version', entityId: version!.id, action: 'create', after: { year, version: 1, source, items: items.length } });
    return { ok: true, value: 1 };
  });
}
