// The reminders actions' one shape (parse → guarded data call → revalidate), kept thin so the
// coming defineAction helper can replace it mechanically. Secrets typed into a form are never
// sent back in the form's state.
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { guardedAction } from '@/core/auth/action';
import { fieldErrors, formDataObject, type ActionState } from '@/core/forms/form';
import { AppError, type Scope } from '@/core/scope';

const SECRET_FIELDS = ['password', 'secret'];

export async function runAction<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
  fn: (scope: Scope, input: z.infer<S>) => Promise<ActionState | void>,
  paths: string[],
): Promise<ActionState> {
  const values = Object.fromEntries(Object.entries(formDataObjectLike(raw)).filter(([k]) => !SECRET_FIELDS.includes(k)));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    let result: ActionState | void;
    try {
      result = await fn(scope, parsed.data);
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') return { status: 'conflict', message: e.message, values };
      throw e;
    }
    for (const p of paths) revalidatePath(p);
    return result ?? { status: 'saved' };
  }, values);
}

function formDataObjectLike(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]));
}

export { formDataObject };
