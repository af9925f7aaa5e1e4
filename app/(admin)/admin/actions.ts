'use server';
// District admin actions. Who may run them: districtAdmin only (enforced in lib/data).
import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { setUserDisabled } from '@/lib/data/admin-users';
import { saveSettings } from '@/lib/data/settings';
import { fieldErrors, formDataObject, type ActionState, asFormData } from '@/lib/validation/form';
import { settingsSchema } from '@/lib/validation/settings';
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
