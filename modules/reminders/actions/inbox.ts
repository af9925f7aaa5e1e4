'use server';
// The in-app inbox (issue 16): every signed-in district user, on their own messages only
// (checked again in modules/reminders/data/inbox.ts).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/core/guard';
import { markAllRead, markRead } from '@/modules/reminders/data/inbox';

const DISTRICT_USERS = ['districtAdmin', 'evaluator', 'leader', 'coordinator'] as const;

export const markReadAction = defineAction({ roles: DISTRICT_USERS, schema: z.object({ messageId: z.string().max(64) }), malformed: 'notFound' }, async ({ scope, input }) => {
  await markRead(scope, input.messageId);
  revalidatePath('/inbox');
});

export const markAllReadAction = defineAction({ roles: DISTRICT_USERS }, async ({ scope }) => {
  await markAllRead(scope);
  revalidatePath('/inbox');
});
