'use server';
// Findings (整改, DESIGN §5): evaluators within their district and zones (checked again in the data layer).
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/core/guard';
import { raiseFinding, returnRectification, setFindingStatus } from '@/modules/reports/data/findings';
import { findingStatusSchema, raiseFindingSchema, returnRectificationSchema } from '@/modules/reports/validation/findings';

export const raiseFindingAction = defineAction({ roles: ['evaluator'], schema: raiseFindingSchema }, async ({ scope, input }) => {
  await raiseFinding(scope, input);
  revalidatePath('/review/findings');
});

export const findingStatusAction = defineAction({ roles: ['evaluator'], schema: findingStatusSchema }, async ({ scope, input }) => {
  await setFindingStatus(scope, input);
  revalidatePath('/review/findings', 'layout');
});

/** 整改不到位: send the school's answer back with a reason and a new due date (issue 14). */
export const returnRectificationAction = defineAction({ roles: ['evaluator'], schema: returnRectificationSchema }, async ({ scope, input }) => {
  await returnRectification(scope, input);
  revalidatePath('/review', 'layout');
});
