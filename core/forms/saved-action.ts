// Server-side glue shared by the administration actions: run a data call through guardedAction
// (scope, error mapping) and turn its `Saved` result into the form's state.
import 'server-only';
import { guardedAction } from '@/core/auth/action';
import type { AdminState, IssuedPassword, Saved } from './saved';
import type { ActionState } from './form';
import type { Scope } from '@/core/scope';

/** Runs `fn` guarded; a `Saved` failure becomes `invalid` with the typed values kept. */
export async function savedAction<T>(values: Record<string, string>, fn: (scope: Scope) => Promise<Saved<T>>, onSaved?: (value: T) => ActionState | void): Promise<ActionState> {
  return guardedAction(async (scope) => {
    const r = await fn(scope);
    if (!r.ok) return { status: 'invalid', fieldErrors: r.errors, values };
    return onSaved?.(r.value) ?? { status: 'saved' };
  }, values);
}

/** Like savedAction, for calls that issue a one-time password; the password reaches only this response. */
export async function issuingAction(values: Record<string, string>, fn: (scope: Scope) => Promise<Saved<IssuedPassword>>, after?: () => void): Promise<AdminState> {
  const box: { issued?: IssuedPassword } = {};
  const state = await savedAction(values, fn, (value) => {
    box.issued = value;
    after?.();
  });
  return state.status === 'saved' && box.issued ? { status: 'issued', issued: box.issued } : state;
}
