'use server';
// Findings actions. Who may run them: evaluators within their district and zones (lib/data).
import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/core/auth/action';
import { raiseFinding, setFindingStatus } from '@/modules/reports/data/findings';
import { AppError } from '@/core/scope';
import { fieldErrors, formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { findingStatusSchema, raiseFindingSchema } from '@/modules/reports/validation/findings';

export async function raiseFindingAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  const values = formDataObject(fd);
  const parsed = raiseFindingSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    try {
      await raiseFinding(scope, parsed.data);
    } catch (e) {
      if (e instanceof AppError && e.code === 'badRequest') return { status: 'invalid', fieldErrors: { itemCode: { key: 'invalid' } }, values };
      throw e;
    }
    revalidatePath('/review/findings');
    return { status: 'saved' };
  }, values);
}

export async function findingStatusAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  const values = formDataObject(fd);
  const parsed = findingStatusSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    try {
      await setFindingStatus(scope, parsed.data);
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') return { status: 'conflict', message: 'wrongState', values };
      throw e;
    }
    revalidatePath('/review/findings', 'layout');
    return { status: 'saved' };
  }, values);
}
