'use server';
// The 先进单位 workflow actions (DESIGN §6): publish — evaluators of the whole district; approve —
// leaders; reopen — whole-district evaluators and leaders; answer an objection — whole-district
// evaluators (the data layer checks the zone limit and the workflow rules; a rule that blocks a
// step comes back as a conflict carrying its message key).
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/core/guard';
import { answerObjection } from '@/modules/ranking/data/objections';
import { approveRanking, publishNotice, reopenRanking } from '@/modules/ranking/data/workflow';
import { answerSchema, approveSchema, publishSchema, reopenSchema } from '@/modules/ranking/validation/ranking';

function changed(): void {
  revalidatePath('/review/ranking');
  revalidatePath('/overview');
}

export const publishAction = defineAction({ roles: ['evaluator'], schema: publishSchema }, async ({ scope, input }) => {
  await publishNotice(scope, input.year);
  changed();
});

export const approveAction = defineAction({ roles: ['leader'], schema: approveSchema, malformed: 'notFound' }, async ({ scope, input }) => {
  await approveRanking(scope, input.snapshotId);
  changed();
});

export const reopenAction = defineAction({ roles: ['evaluator', 'leader'], schema: reopenSchema }, async ({ scope, input }) => {
  await reopenRanking(scope, input.snapshotId, input.reason);
  changed();
});

export const answerAction = defineAction({ roles: ['evaluator'], schema: answerSchema }, async ({ scope, input }) => {
  await answerObjection(scope, input.objectionId, input.answer);
  changed();
});
