// Server-action guard for the coordinator's pages: resolves the caller's scope (never from the
// payload), runs the data function, and maps refusals to typed states — "not found" for records
// outside the caller's school (STYLE: 404, not 403), "locked" with the reason for a closed quarter.
import 'server-only';
import { getScope } from './session';
import { EntryLockedError } from '@/modules/obligations/data/entry';
import { AppError, type Scope } from '@/core/scope';
import type { Refusal } from '@/core/forms/states';

export type { Refusal };

/** Who may run: signed-in coordinators whose password is current (every action below says so too). */
export async function asCoordinator<T>(fn: (scope: Scope) => Promise<T>): Promise<T | Refusal> {
  const scope = await getScope();
  if (!scope || scope.mustChangePassword || scope.role !== 'coordinator') return { status: 'forbidden' };
  try {
    return await fn(scope);
  } catch (e) {
    if (e instanceof EntryLockedError) return { status: 'locked', block: e.block };
    if (e instanceof AppError) return { status: e.code === 'notFound' ? 'notFound' : e.code === 'conflict' ? 'conflict' : e.code === 'forbidden' ? 'forbidden' : 'error' };
    console.error('[coordinator action]', e instanceof Error ? e.message : e);
    return { status: 'error' };
  }
}
