'use server';
// The 先进单位 workflow actions (DESIGN §6). Who may run them is enforced in lib/data:
// publish — evaluators of the whole district; approve — leaders; reopen — whole-district
// evaluators and leaders; answer an objection — whole-district evaluators.
import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/core/auth/action';
import { answerObjection } from '@/modules/ranking/data/objections';
import { approveRanking, publishNotice, reopenRanking } from '@/modules/ranking/data/workflow';
import { AppError, type Scope } from '@/core/scope';
import { fieldErrors, formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { answerSchema, approveSchema, publishSchema, reopenSchema } from '@/modules/ranking/validation/ranking';

/** A workflow rule that blocked the step comes back as a conflict carrying its message key. */
async function step(values: Record<string, string>, fn: (scope: Scope) => Promise<unknown>): Promise<ActionState> {
  return guardedAction(async (scope) => {
    try {
      await fn(scope);
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') return { status: 'conflict', message: e.message, values };
      throw e;
    }
    revalidatePath('/review/ranking');
    revalidatePath('/overview');
    return { status: 'saved' };
  }, values);
}

export async function publishAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = publishSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  return step(values, (scope) => publishNotice(scope, parsed.data.year));
}

export async function approveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = approveSchema.safeParse(values);
  if (!parsed.success) return { status: 'notFound' };
  return step(values, (scope) => approveRanking(scope, parsed.data.snapshotId));
}

export async function reopenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = reopenSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  return step(values, (scope) => reopenRanking(scope, parsed.data.snapshotId, parsed.data.reason));
}

export async function answerAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = answerSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  return step(values, (scope) => answerObjection(scope, parsed.data.objectionId, parsed.data.answer));
}
