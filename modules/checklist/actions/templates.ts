'use server';
// Platform checklist templates (DESIGN §2). Who may run these: platformAdmin only (lib/data).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/core/auth/action';
import { copyTemplate, removeTemplateItem, renameTemplate, saveTemplateItem } from '@/modules/checklist/data/templates';
import { itemSchema } from '@/modules/checklist/validation/checklist';
import { adminFieldErrors, type AdminState } from '@/core/forms/saved';
import { formValues, keptValues } from '@/modules/org/validation/org';
import { templateSchema } from '@/modules/org/validation/platform';
import { formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { savedAction } from '@/core/forms/saved-action';

export async function copyTemplateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = templateSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  const box: { id?: string } = {};
  const state = await savedAction(
    values,
    (scope) => copyTemplate(scope, values.fromId ?? '', parsed.data),
    (id) => {
      box.id = id;
    },
  );
  if (box.id) {
    revalidatePath('/platform/templates');
    redirect(`/platform/templates/${box.id}`);
  }
  return state;
}

export async function renameTemplateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = templateSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  return savedAction(
    values,
    (scope) => renameTemplate(scope, values.templateId ?? '', parsed.data),
    () => {
      revalidatePath('/platform/templates');
    },
  );
}

export async function saveTemplateItemAction(_prev: AdminState, formData: FormData): Promise<AdminState> {
  formData = asFormData(formData);
  const raw = formValues(formData, ['channels']);
  const values = keptValues(raw);
  const templateId = values.templateId ?? '';
  const original = values.originalCode ? values.originalCode : null;
  const parsed = itemSchema.safeParse(raw);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  const state = await savedAction(values, (scope) => saveTemplateItem(scope, templateId, original, parsed.data));
  if (state.status === 'saved') {
    revalidatePath(`/platform/templates/${templateId}`);
    redirect(`/platform/templates/${templateId}?saved=1`);
  }
  return state;
}

export async function removeTemplateItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const templateId = String(formData.get('templateId') ?? '');
  const code = String(formData.get('code') ?? '').slice(0, 20);
  return guardedAction(async (scope) => {
    await removeTemplateItem(scope, templateId, code);
    revalidatePath(`/platform/templates/${templateId}`);
    return { status: 'saved' };
  });
}
