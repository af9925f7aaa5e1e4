'use server';
// Each user's reminder channels (issue 16). Who: every signed-in district user, their own row.
import { asFormData, formDataObject, type ActionState } from '@/core/forms/form';
import { savePreferences } from '@/modules/reminders/data/preferences';
import { preferencesSchema } from '@/modules/reminders/validation/admin';
import { runAction } from './run';

export async function savePreferencesAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(preferencesSchema, formDataObject(asFormData(fd)), (scope, input) => savePreferences(scope, input), ['/account/notifications']);
}
