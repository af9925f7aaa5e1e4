'use server';
// Users of the district (DESIGN §1). Who may run these: districtAdmin only (enforced in lib/data).
import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/core/auth/action';
import { createUser, resetUserPassword, updateUser } from '@/modules/org/data/users-admin';
import { adminFieldErrors, type AdminState, type IssuedPassword } from '@/core/forms/saved';
import { createUserSchema, formValues, keptValues, updateUserSchema } from '@/modules/org/validation/org';
import { issuingAction, savedAction } from '@/core/forms/saved-action';
import { asFormData } from '@/core/forms/form';

export async function createUserAction(_prev: AdminState, formData: FormData): Promise<AdminState> {
  formData = asFormData(formData);
  const raw = formValues(formData, ['zoneIds']);
  const values = keptValues(raw);
  const parsed = createUserSchema.safeParse(raw);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  return issuingAction(
    values,
    (scope) => createUser(scope, parsed.data),
    () => revalidatePath('/admin/users'),
  );
}

export async function updateUserAction(_prev: AdminState, formData: FormData): Promise<AdminState> {
  formData = asFormData(formData);
  const raw = formValues(formData, ['zoneIds']);
  const values = keptValues(raw);
  const parsed = updateUserSchema.safeParse(raw);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  return savedAction(
    values,
    (scope) => updateUser(scope, parsed.data),
    () => {
      revalidatePath('/admin/users');
      revalidatePath(`/admin/users/${parsed.data.userId}`);
    },
  );
}

/** A new one-time password; it reaches only this response and is never stored in clear. */
export async function resetPasswordAction(_prev: AdminState, formData: FormData): Promise<AdminState> {
  formData = asFormData(formData);
  const userId = String(formData.get('userId') ?? '');
  const box: { issued?: IssuedPassword } = {};
  const state = await guardedAction(async (scope) => {
    box.issued = await resetUserPassword(scope, userId);
    revalidatePath('/admin/users');
    return { status: 'saved' };
  });
  return state.status === 'saved' && box.issued ? { status: 'issued', issued: box.issued } : state;
}
