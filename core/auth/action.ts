// Server-action guard: resolves the caller's scope and maps data-layer errors to a typed state.
import 'server-only';
import type { ActionState } from '@/core/forms/form';
import { AppError, type Scope } from '@/core/scope';
import { getScope } from './session';

export async function guardedAction(fn: (scope: Scope) => Promise<ActionState>, values?: Record<string, string>): Promise<ActionState> {
  const scope = await getScope();
  if (!scope || scope.mustChangePassword) return { status: 'forbidden', values };
  try {
    return await fn(scope);
  } catch (e) {
    if (e instanceof AppError) {
      const status = e.code === 'notFound' ? 'notFound' : e.code === 'conflict' ? 'conflict' : e.code === 'forbidden' ? 'forbidden' : 'error';
      return { status, values };
    }
    console.error('[action]', e instanceof Error ? e.message : e);
    return { status: 'error', values };
  }
}
