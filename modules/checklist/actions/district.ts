'use server';
// The district's checklist of a year (DESIGN §2, issue 7). Edits after the freeze go to a new
// version (modules/checklist/domain/edit-policy.ts).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { notFound } from '@/core/errors';
import type { ActionState } from '@/core/forms/state';
import { defineAction } from '@/core/guard';
import { startChecklist } from '@/modules/checklist/data/admin';
import { importChecklistItems, saveChecklistItem, setChecklistItemRetired, type ItemSaved } from '@/modules/checklist/data/items';
import { formatOf, parseChecklistFile, type ChecklistFileIssue } from '@/modules/checklist/import/checklist-file';
import { itemSchema } from '@/modules/checklist/validation/checklist';
import { yearField } from '@/core/forms/zod-fields';
import { wakeRecompute } from '@/modules/facts/data/jobs';

const MAX_FILE = 1024 * 1024;

/** The year the form is about; a malformed one names no checklist (404). */
function yearOf(v: unknown): number {
  const r = yearField.safeParse(v);
  return r.success ? r.data : notFound();
}

/** Back to the checklist, which says what happened (a new version and its first quarter, or saved). */
function backToChecklist(year: number, v: ItemSaved): never {
  revalidatePath('/admin/checklist');
  redirect(`/admin/checklist?year=${year}&saved=${v.newVersion ? `new-${v.version}-${v.effectiveFromQuarter}` : 'item'}`);
}

const startSchema = z.object({ year: z.unknown(), source: z.string().optional(), templateId: z.string().max(64).optional() });

export const startChecklistAction = defineAction({ roles: ['districtAdmin'], schema: startSchema }, async ({ scope, input }) => {
  const year = yearOf(input.year);
  const source = input.source === 'previousYear' ? ({ kind: 'previousYear' } as const) : ({ kind: 'template', templateId: input.templateId ?? '' } as const);
  const r = await startChecklist(scope, year, source);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors, values: {} };
  await wakeRecompute(scope.districtId);
  revalidatePath('/admin/checklist');
  redirect(`/admin/checklist?year=${year}`);
});

const itemFormSchema = itemSchema.and(z.object({ year: z.unknown(), originalCode: z.string().max(20).optional() }));

export const saveItemAction = defineAction({ roles: ['districtAdmin'], schema: itemFormSchema, arrays: ['channels'] }, async ({ scope, input: { year: rawYear, originalCode, ...item } }) => {
  const year = yearOf(rawYear);
  const r = await saveChecklistItem(scope, year, originalCode ? originalCode : null, item);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors };
  await wakeRecompute(scope.districtId);
  backToChecklist(year, r.value);
});

const retireSchema = z.object({ year: z.unknown(), code: z.string().min(1).max(20), retired: z.string().optional() });

export const retireItemAction = defineAction({ roles: ['districtAdmin'], schema: retireSchema, malformed: 'notFound' }, async ({ scope, input }) => {
  const year = yearOf(input.year);
  const r = await setChecklistItemRetired(scope, year, input.code, input.retired === 'true');
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors, values: {} };
  await wakeRecompute(scope.districtId);
  backToChecklist(year, r.value);
});

export type ImportChecklistState = ActionState | { status: 'fileInvalid'; issues: ChecklistFileIssue[] };

export const importChecklistAction = defineAction<{ year: unknown }, ImportChecklistState>(
  { roles: ['districtAdmin'], schema: z.object({ year: z.unknown() }), hide: ['file'] },
  async ({ scope, input, data }) => {
    const year = yearOf(input.year);
    const file = data.get('file');
    if (!file || typeof file === 'string' || file.size === 0) return { status: 'invalid', fieldErrors: { file: { key: 'adminForm.fileMissing' } }, values: {} };
    if (file.size > MAX_FILE) return { status: 'fileInvalid', issues: [{ row: null, field: 'file', reason: { key: 'adminChecklist.file.tooLarge' } }] };
    const text = new TextDecoder().decode(await file.arrayBuffer()).replace(/^\uFEFF/, '');
    const parsed = parseChecklistFile(text, formatOf(file.name, text));
    if (!parsed.ok) return { status: 'fileInvalid', issues: parsed.issues };
    if (parsed.year !== null && parsed.year !== year) {
      return { status: 'fileInvalid', issues: [{ row: null, field: 'year', reason: { key: 'adminChecklist.file.otherYear', values: { file: parsed.year, year } } }] };
    }
    const r = await importChecklistItems(scope, year, parsed.items);
    if (!r.ok) return { status: 'invalid', fieldErrors: r.errors, values: {} };
    await wakeRecompute(scope.districtId);
    backToChecklist(year, r.value);
  },
);
