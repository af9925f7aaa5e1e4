'use server';
// Any signed-in user, for their own account only (also the forced change after an admin reset).
import { renewOwnSession } from '@/core/auth/session-cookie';
import { fieldError } from '@/core/forms/field-errors';
import { defineAccountAction } from '@/core/guard';
import { changeOwnPassword } from '@/modules/org/data/account';
import { changePasswordSchema } from '@/modules/org/validation/account';

// Passwords are never echoed back to the client.
export const changePasswordAction = defineAccountAction({ schema: changePasswordSchema, hide: ['current', 'next', 'confirm'] }, async ({ scope, input }) => {
  // A temporary password must really be replaced.
  if (input.next === input.current) return { status: 'invalid', fieldErrors: fieldError('next', 'adminForm.sameAsCurrent') };
  const result = await changeOwnPassword(scope, input.current, input.next);
  if (result.status === 'throttled') return { status: 'invalid', fieldErrors: fieldError('current', 'validation.passwordThrottled') };
  if (result.status === 'wrongPassword') return { status: 'invalid', fieldErrors: fieldError('current', 'validation.wrongPassword') };
  // Every session of the user ended with the change; this browser gets a fresh one.
  await renewOwnSession(scope.userId, result.sessionVersion, scope.displayName);
});
