'use server';
// Each user's reminder channels (issue 16): every signed-in district user, their own row.
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/core/guard';
import { savePreferences } from '@/modules/reminders/data/preferences';
import { preferencesSchema } from '@/modules/reminders/validation/admin';

export const savePreferencesAction = defineAction({ roles: ['districtAdmin', 'evaluator', 'leader', 'coordinator'], schema: preferencesSchema }, async ({ scope, input }) => {
  await savePreferences(scope, input);
  revalidatePath('/account/notifications');
});
