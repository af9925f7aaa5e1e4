'use server';
// Any signed-in user, for their own account only (also the forced change after an admin reset).
import { getScope } from '@/core/auth/session';
import { renewOwnSession } from '@/core/auth/session-cookie';
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
  if (result.status === 'throttled') return { status: 'invalid', fieldErrors: { current: { key: 'validation.passwordThrottled' } }, values: {} };
  if (result.status === 'wrongPassword') return { status: 'invalid', fieldErrors: { current: { key: 'validation.wrongPassword' } }, values: {} };
  // Every session of the user ended with the change; this browser gets a fresh one.
  await renewOwnSession(scope.userId, result.sessionVersion, scope.displayName);
  return { status: 'saved' };
}
