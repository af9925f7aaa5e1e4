'use server';
// District admin actions. Who may run them: districtAdmin only (enforced in lib/data).
import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/core/auth/action';
import { setUserDisabled } from '@/modules/org/data/users-admin';
import { saveSettings } from '@/modules/org/data/settings';
import { fieldErrors, formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { settingsSchema } from '@/modules/org/validation/settings';
import { z } from 'zod';

export async function saveSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    await saveSettings(scope, parsed.data);
    revalidatePath('/admin');
    return { status: 'saved' };
  }, values);
}

const toggleSchema = z.object({ userId: z.string().max(64), disabled: z.enum(['true', 'false']) });

export async function toggleUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const parsed = toggleSchema.safeParse(formDataObject(formData));
  if (!parsed.success) return { status: 'notFound' };
  return guardedAction(async (scope) => {
    await setUserDisabled(scope, parsed.data.userId, parsed.data.disabled === 'true');
    revalidatePath('/admin/users');
    return { status: 'saved' };
  });
}
