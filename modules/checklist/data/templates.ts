// Platform admin: checklist templates (DESIGN §2; the default of §2 is the first). Districts copy
// a template into their own yearly version, so editing a template never changes a district's
// checklist. Template items carry no history (nothing refers to them) and may be removed.
import { now } from '@/core/env';
import { and, asc, count, eq } from 'drizzle-orm';
import { withDistrict, type Tx } from '@/db/client';
import { checklistTemplateItems, checklistTemplates, checklistVersions } from '@/db/schema';
import type { ItemInput } from '@/modules/checklist/validation/checklist';
import { audit } from '@/core/audit';
import { itemValues } from './admin';
import { notFound } from '@/core/errors';
import { requireRole, type Scope } from '@/core/scope';
import { isUuid } from '@/core/auth/users';
import { fieldError } from '@/core/forms/field-errors';
import type { Saved } from '@/core/forms/state';
import type { TemplateInput } from '@/modules/checklist/validation/templates';

function asPlatform<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  requireRole(scope, ['platformAdmin']);
  return withDistrict('*', fn);
}

async function templateOf(tx: Tx, id: string) {
  if (!isUuid(id)) notFound();
  const [t] = await tx.select().from(checklistTemplates).where(eq(checklistTemplates.id, id));
  if (!t) notFound();
  return t;
}

export async function listTemplates(scope: Scope) {
  return asPlatform(scope, async (tx) => {
    const [rows, itemCounts, useCounts] = await Promise.all([
      tx.select().from(checklistTemplates).orderBy(asc(checklistTemplates.createdAt)),
      tx.select({ id: checklistTemplateItems.templateId, n: count() }).from(checklistTemplateItems).groupBy(checklistTemplateItems.templateId),
      tx.select({ id: checklistVersions.sourceTemplateId, n: count() }).from(checklistVersions).groupBy(checklistVersions.sourceTemplateId),
    ]);
    const ic = new Map(itemCounts.map((r) => [r.id, Number(r.n)]));
    const uc = new Map(useCounts.map((r) => [r.id, Number(r.n)]));
    return rows.map((t) => ({ ...t, items: ic.get(t.id) ?? 0, versions: uc.get(t.id) ?? 0 }));
  });
}

export async function getTemplate(scope: Scope, id: string) {
  return asPlatform(scope, async (tx) => {
    const template = await templateOf(tx, id);
    const items = await tx
      .select()
      .from(checklistTemplateItems)
      .where(eq(checklistTemplateItems.templateId, template.id))
      .orderBy(asc(checklistTemplateItems.sortOrder), asc(checklistTemplateItems.code));
    return { template, items };
  });
}

async function codeTaken(tx: Tx, code: string, exceptId?: string): Promise<boolean> {
  const [t] = await tx.select({ id: checklistTemplates.id }).from(checklistTemplates).where(eq(checklistTemplates.code, code));
  return !!t && t.id !== exceptId;
}

export async function renameTemplate(scope: Scope, id: string, input: TemplateInput): Promise<Saved> {
  return asPlatform(scope, async (tx) => {
    const before = await templateOf(tx, id);
    if (await codeTaken(tx, input.code, before.id)) return { ok: false, errors: fieldError('code', 'adminForm.codeTaken') };
    await tx
      .update(checklistTemplates)
      .set({ ...input, updatedAt: now() })
      .where(eq(checklistTemplates.id, before.id));
    await audit(tx, scope, { entity: 'template', entityId: before.id, action: 'update', before: { code: before.code, name: before.name }, after: input }, null);
    return { ok: true, value: before.id };
  });
}

/** A new template with a copy of every item of `fromId`. */
export async function copyTemplate(scope: Scope, fromId: string, input: TemplateInput): Promise<Saved> {
  return asPlatform(scope, async (tx) => {
    const from = await templateOf(tx, fromId);
    if (await codeTaken(tx, input.code)) return { ok: false, errors: fieldError('code', 'adminForm.codeTaken') };
    const [t] = await tx.insert(checklistTemplates).values(input).returning();
    const items = await tx.select().from(checklistTemplateItems).where(eq(checklistTemplateItems.templateId, from.id));
    if (items.length) await tx.insert(checklistTemplateItems).values(items.map((r) => ({ ...itemValues(r), templateId: t!.id })));
    await audit(tx, scope, { entity: 'template', entityId: t!.id, action: 'copy', after: { ...input, copiedFrom: from.code, items: items.length } }, null);
    return { ok: true, value: t!.id };
  });
}

export async function saveTemplateItem(scope: Scope, templateId: string, originalCode: string | null, input: ItemInput): Promise<Saved> {
  return asPlatform(scope, async (tx) => {
    const t = await templateOf(tx, templateId);
    const items = await tx.select().from(checklistTemplateItems).where(eq(checklistTemplateItems.templateId, t.id));
    const before = originalCode === null ? undefined : items.find((i) => i.code === originalCode);
    if (originalCode !== null && !before) notFound();
    if (!before && items.some((i) => i.code.toLowerCase() === input.code.toLowerCase())) return { ok: false, errors: fieldError('code', 'adminForm.codeTaken') };
    const values = { ...input, code: before?.code ?? input.code };
    if (before) {
      await tx
        .update(checklistTemplateItems)
        .set(values)
        .where(and(eq(checklistTemplateItems.templateId, t.id), eq(checklistTemplateItems.code, before.code)));
    } else {
      await tx.insert(checklistTemplateItems).values({ ...values, templateId: t.id });
    }
    await tx.update(checklistTemplates).set({ updatedAt: now() }).where(eq(checklistTemplates.id, t.id));
    await audit(tx, scope, { entity: 'template_item', entityId: `${t.code}/${values.code}`, action: before ? 'update' : 'create', before: before ? itemValues(before) : null, after: values }, null);
    return { ok: true, value: values.code };
  });
}

export async function removeTemplateItem(scope: Scope, templateId: string, code: string): Promise<void> {
  await asPlatform(scope, async (tx) => {
    const t = await templateOf(tx, templateId);
    const where = and(eq(checklistTemplateItems.templateId, t.id), eq(checklistTemplateItems.code, code));
    const [before] = await tx.select().from(checklistTemplateItems).where(where);
    if (!before) notFound();
    await tx.delete(checklistTemplateItems).where(where);
    await tx.update(checklistTemplates).set({ updatedAt: now() }).where(eq(checklistTemplates.id, t.id));
    await audit(tx, scope, { entity: 'template_item', entityId: `${t.code}/${code}`, action: 'delete', before: itemValues(before), after: null }, null);
  });
}
