'use server';
// Any signed-in user, for their own account only.
import { getScope } from '@/lib/auth/session';
import { changeOwnPassword } from '@/lib/data/account';
import { changePasswordSchema } from '@/lib/validation/account';
import { fieldErrors, formDataObject, type ActionState } from '@/lib/validation/form';

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const scope = await getScope();
  if (!scope) return { status: 'forbidden' };
  const values = formDataObject(formData);
  const parsed = changePasswordSchema.safeParse(values);
  // Never echo passwords back to the client.
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values: {} };
  const result = await changeOwnPassword(scope, parsed.data.current, parsed.data.next);
  if (result === 'wrongPassword') return { status: 'invalid', fieldErrors: { current: { key: 'wrongPassword' } }, values: {} };
  return { status: 'saved' };
}
