'use server';
// Review actions on one report. Who may run them: evaluators within their district and zones
// (enforced in modules/reports/data/review-actions.ts); leaders and coordinators only read the page.
import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/core/auth/action';
import { addItemComment, challengeNoMatter, rejectDisclosure, saveEvaluation, transitionReport, withdrawRejection } from '@/modules/reports/data/review-actions';
import { AppError } from '@/core/scope';
import { fieldErrors, formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { challengeSchema, itemCommentSchema, rejectDisclosureSchema, scoreSchema, transitionSchema, withdrawRejectionSchema } from '@/modules/reports/validation/review';
import type { z } from 'zod';

/** Known conflict reasons are shown to the evaluator (translated); others stay generic. */
const CONFLICTS = ['locked', 'stale', 'wrongState', 'reasonRequired', 'scoreRequired', 'alreadyRejected'];

async function run<S extends z.ZodType>(schema: S, formData: FormData, fn: (scope: Parameters<Parameters<typeof guardedAction>[0]>[0], input: z.infer<S>) => Promise<void>): Promise<ActionState> {
  const values = formDataObject(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    try {
      await fn(scope, parsed.data);
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') return { status: 'conflict', message: CONFLICTS.includes(e.message) ? e.message : 'stale', values };
      throw e;
    }
    revalidatePath('/review', 'layout');
    return { status: 'saved' };
  }, values);
}

export async function rejectAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  return run(rejectDisclosureSchema, fd, async (scope, input) => {
    await rejectDisclosure(scope, input);
  });
}

export async function withdrawRejectionAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  return run(withdrawRejectionSchema, fd, (scope, input) => withdrawRejection(scope, input.rejectionId));
}

export async function commentAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  return run(itemCommentSchema, fd, async (scope, input) => {
    await addItemComment(scope, input);
  });
}

export async function scoreAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  return run(scoreSchema, fd, (scope, input) => saveEvaluation(scope, input));
}

export async function transitionAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  return run(transitionSchema, fd, (scope, input) => transitionReport(scope, input));
}

export async function challengeAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  return run(challengeSchema, fd, (scope, input) => challengeNoMatter(scope, input));
}
