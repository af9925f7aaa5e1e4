'use server';
// Holidays (DESIGN §6: the 公示 period skips them). Who may run these: districtAdmin (lib/data).
import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/core/auth/action';
import { removeHoliday, saveHoliday } from '@/modules/org/data/settings-admin';
import { parseLocalDate } from '@/core/domain/dates';
import { adminFieldErrors } from '@/core/forms/saved';
import { holidaySchema } from '@/modules/org/validation/settings-form';
import { formDataObject, type ActionState, asFormData } from '@/core/forms/form';

export async function saveHolidayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = holidaySchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    await saveHoliday(scope, parsed.data);
    revalidatePath('/admin/holidays');
    return { status: 'saved' };
  }, values);
}

export async function removeHolidayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const day = String(formData.get('day') ?? '');
  if (!parseLocalDate(day)) return { status: 'notFound' };
  return guardedAction(async (scope) => {
    await removeHoliday(scope, day);
    revalidatePath('/admin/holidays');
    return { status: 'saved' };
  });
}
