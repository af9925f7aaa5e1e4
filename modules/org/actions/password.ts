'use server';
// Any signed-in user, for their own account only (also the forced change after an admin reset).
import { getScope } from '@/core/auth/session';
import { changeOwnPassword } from '@/modules/org/data/account';
import { changePasswordSchema } from '@/modules/org/validation/account';
import { adminFieldErrors } from '@/core/forms/saved';
import { asFormData, type ActionState } from '@/core/forms/form';

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const scope = await getScope();
  if (!scope) return { status: 'forbidden' };
  const values = { current: String(formData.get('current') ?? ''), next: String(formData.get('next') ?? ''), confirm: String(formData.get('confirm') ?? '') };
  const parsed = changePasswordSchema.safeParse(values);
  // Never echo passwords back to the client.
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values: {} };
  // A temporary password must really be replaced.
  if (parsed.data.next === parsed.data.current) return { status: 'invalid', fieldErrors: { next: { key: 'adminForm.sameAsCurrent' } }, values: {} };
  const result = await changeOwnPassword(scope, parsed.data.current, parsed.data.next);
  if (result === 'wrongPassword') return { status: 'invalid', fieldErrors: { current: { key: 'validation.wrongPassword' } }, values: {} };
  return { status: 'saved' };
}
