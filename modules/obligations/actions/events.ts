'use server';
// Declared events and "no such matter" statements (§3). Who may run: coordinators, for their own
// school only (modules/obligations/data/events checks the school, the item and the entry window).
import { revalidatePath } from 'next/cache';
import { declareEvent, deleteEvent, stateNoMatter, withdrawNoMatter } from '@/modules/obligations/data/events';
import { fieldMessages, formFields } from '@/core/forms/fields';
import { declareEventSchema, idSchema, noMatterSchema } from '@/modules/obligations/validation/events';
import { deleteDraft } from '@/modules/disclosures/data/drafts';
import { asCoordinator } from '@/core/auth/coordinator-guard';
import { EVENT_FORM_KEY, noMatterFormKey, type SimpleFormState } from '@/core/forms/states';
import { asFormData } from '@/core/forms/form';

export async function declareEventAction(_prev: SimpleFormState, fd: FormData): Promise<SimpleFormState> {
  fd = asFormData(fd);
  const parsed = declareEventSchema.safeParse(formFields(fd));
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldMessages(parsed.error) };
  const r = await asCoordinator(async (scope) => {
    const result = await declareEvent(scope, parsed.data);
    if (result.ok) await deleteDraft(scope, EVENT_FORM_KEY);
    return result;
  });
  if ('status' in r) return r;
  if (!r.ok) return { status: 'invalid', fieldErrors: r.fieldErrors };
  revalidatePath('/school', 'layout');
  return { status: 'saved', q: r.q };
}

export type RowState = { status: 'idle' } | { status: 'done' } | { status: 'hasDisclosures' } | Exclude<SimpleFormState, { status: 'idle' | 'saved' | 'invalid' }>;

export async function deleteEventAction(_prev: RowState, fd: FormData): Promise<RowState> {
  fd = asFormData(fd);
  const id = idSchema.safeParse(fd.get('id'));
  if (!id.success) return { status: 'notFound' };
  const r = await asCoordinator((scope) => deleteEvent(scope, id.data));
  if ('status' in r) return r;
  if (!r.ok) return { status: 'hasDisclosures' };
  revalidatePath('/school', 'layout');
  return { status: 'done' };
}

export async function noMatterAction(_prev: SimpleFormState, fd: FormData): Promise<SimpleFormState> {
  fd = asFormData(fd);
  const parsed = noMatterSchema.safeParse(formFields(fd));
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldMessages(parsed.error) };
  const r = await asCoordinator(async (scope) => {
    const result = await stateNoMatter(scope, parsed.data);
    if (result.ok) await deleteDraft(scope, noMatterFormKey(parsed.data.itemCode, parsed.data));
    return result;
  });
  if ('status' in r) return r;
  if (!r.ok) return { status: 'invalid', fieldErrors: r.fieldErrors };
  revalidatePath('/school', 'layout');
  return { status: 'saved', q: r.q };
}

export async function withdrawNoMatterAction(_prev: RowState, fd: FormData): Promise<RowState> {
  fd = asFormData(fd);
  const id = idSchema.safeParse(fd.get('id'));
  if (!id.success) return { status: 'notFound' };
  const r = await asCoordinator(async (scope) => {
    await withdrawNoMatter(scope, id.data);
    return { status: 'done' as const };
  });
  if (r.status === 'done') revalidatePath('/school', 'layout');
  return r;
}
