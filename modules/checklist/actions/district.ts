'use server';
// The district's checklist of a year (DESIGN §2, issue 7). Who may run these: districtAdmin
// only (enforced in lib/data). Edits after the freeze go to a new version (checklist-admin-policy).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { startChecklist } from '@/modules/checklist/data/admin';
import { importChecklistItems, saveChecklistItem, setChecklistItemRetired, type ItemSaved } from '@/modules/checklist/data/items';
import { formatOf, parseChecklistFile, type ChecklistFileIssue } from '@/modules/checklist/import/checklist-file';
import { itemSchema } from '@/modules/checklist/validation/checklist';
import { adminFieldErrors, type AdminState } from '@/core/forms/saved';
import { formValues, keptValues } from '@/modules/org/validation/org';
import { yearParam } from '@/modules/org/validation/settings-form';
import { asFormData, type ActionState } from '@/core/forms/form';
import { savedAction } from '@/core/forms/saved-action';

const MAX_FILE = 1024 * 1024;

function yearOf(formData: FormData): number | null {
  const r = yearParam.safeParse(formData.get('year'));
  return r.success ? r.data : null;
}

/** Back to the checklist, which says what happened (a new version and its first quarter, or saved). */
function backToChecklist(year: number, v: ItemSaved): never {
  revalidatePath('/admin/checklist');
  redirect(`/admin/checklist?year=${year}&saved=${v.newVersion ? `new-${v.version}-${v.effectiveFromQuarter}` : 'item'}`);
}

export async function startChecklistAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const year = yearOf(formData);
  if (year === null) return { status: 'notFound' };
  const source = formData.get('source') === 'previousYear' ? ({ kind: 'previousYear' } as const) : ({ kind: 'template', templateId: String(formData.get('templateId') ?? '') } as const);
  const state = await savedAction({}, (scope) => startChecklist(scope, year, source));
  if (state.status === 'saved') {
    revalidatePath('/admin/checklist');
    redirect(`/admin/checklist?year=${year}`);
  }
  return state;
}

export async function saveItemAction(_prev: AdminState, formData: FormData): Promise<AdminState> {
  formData = asFormData(formData);
  const year = yearOf(formData);
  if (year === null) return { status: 'notFound' };
  const raw = formValues(formData, ['channels']);
  const values = keptValues(raw);
  const original = typeof raw.originalCode === 'string' && raw.originalCode ? raw.originalCode : null;
  const parsed = itemSchema.safeParse(raw);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  const box: { saved?: ItemSaved } = {};
  const state = await savedAction(
    values,
    (scope) => saveChecklistItem(scope, year, original, parsed.data),
    (v) => {
      box.saved = v;
    },
  );
  if (state.status === 'saved' && box.saved) backToChecklist(year, box.saved);
  return state;
}

export async function retireItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const year = yearOf(formData);
  const code = String(formData.get('code') ?? '').slice(0, 20);
  if (year === null || !code) return { status: 'notFound' };
  const retired = formData.get('retired') === 'true';
  const box: { saved?: ItemSaved } = {};
  const state = await savedAction(
    {},
    (scope) => setChecklistItemRetired(scope, year, code, retired),
    (v) => {
      box.saved = v;
    },
  );
  if (state.status === 'saved' && box.saved) backToChecklist(year, box.saved);
  return state;
}

export type ImportChecklistState = ActionState | { status: 'fileInvalid'; issues: ChecklistFileIssue[] };

export async function importChecklistAction(_prev: ImportChecklistState, formData: FormData): Promise<ImportChecklistState> {
  formData = asFormData(formData);
  const year = yearOf(formData);
  if (year === null) return { status: 'notFound' };
  const file = formData.get('file');
  if (!file || typeof file === 'string' || file.size === 0) return { status: 'invalid', fieldErrors: { file: { key: 'adminForm.fileMissing' } }, values: {} };
  if (file.size > MAX_FILE) return { status: 'fileInvalid', issues: [{ row: null, field: 'file', reason: { key: 'adminChecklist.file.tooLarge' } }] };
  const text = new TextDecoder().decode(await file.arrayBuffer()).replace(/^\uFEFF/, '');
  const parsed = parseChecklistFile(text, formatOf(file.name, text));
  if (!parsed.ok) return { status: 'fileInvalid', issues: parsed.issues };
  if (parsed.year !== null && parsed.year !== year) {
    return { status: 'fileInvalid', issues: [{ row: null, field: 'year', reason: { key: 'adminChecklist.file.otherYear', values: { file: parsed.year, year } } }] };
  }
  const box: { saved?: ItemSaved } = {};
  const state = await savedAction(
    {},
    (scope) => importChecklistItems(scope, year, parsed.items),
    (v) => {
      box.saved = v;
    },
  );
  if (state.status === 'saved' && box.saved) backToChecklist(year, box.saved);
  return state;
}
