'use server';
// Review actions on one report: evaluators within their district and zones (checked again in
// modules/reports/data/review-actions.ts); leaders and coordinators only read the page.
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/core/guard';
import { addItemComment, challengeNoMatter, rejectDisclosure, saveEvaluation, transitionReport, withdrawRejection } from '@/modules/reports/data/review-actions';
import { challengeSchema, itemCommentSchema, rejectDisclosureSchema, scoreSchema, transitionSchema, withdrawRejectionSchema } from '@/modules/reports/validation/review';

const EVALUATORS = ['evaluator'] as const;
const reviewed = () => revalidatePath('/review', 'layout');

export const rejectAction = defineAction({ roles: EVALUATORS, schema: rejectDisclosureSchema }, async ({ scope, input }) => {
  await rejectDisclosure(scope, input);
  reviewed();
});

export const withdrawRejectionAction = defineAction({ roles: EVALUATORS, schema: withdrawRejectionSchema }, async ({ scope, input }) => {
  await withdrawRejection(scope, input.rejectionId);
  reviewed();
});

export const commentAction = defineAction({ roles: EVALUATORS, schema: itemCommentSchema }, async ({ scope, input }) => {
  await addItemComment(scope, input);
  reviewed();
});

export const scoreAction = defineAction({ roles: EVALUATORS, schema: scoreSchema }, async ({ scope, input }) => {
  await saveEvaluation(scope, input);
  reviewed();
});

export const transitionAction = defineAction({ roles: EVALUATORS, schema: transitionSchema }, async ({ scope, input }) => {
  await transitionReport(scope, input);
  reviewed();
});

export const challengeAction = defineAction({ roles: EVALUATORS, schema: challengeSchema }, async ({ scope, input }) => {
  await challengeNoMatter(scope, input);
  reviewed();
});
