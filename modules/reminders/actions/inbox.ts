'use server';
// The in-app inbox (issue 16). Who: every signed-in district user, on their own messages only
// (enforced in modules/reminders/data/inbox.ts).
import { z } from 'zod';
import { asFormData, formDataObject, type ActionState } from '@/core/forms/form';
import { markAllRead, markRead } from '@/modules/reminders/data/inbox';
import { runAction } from './run';

export async function markReadAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(z.object({ messageId: z.string().max(64) }), formDataObject(asFormData(fd)), (scope, input) => markRead(scope, input.messageId), ['/inbox']);
}

export async function markAllReadAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(z.object({}), formDataObject(asFormData(fd)), async (scope) => void (await markAllRead(scope)), ['/inbox']);
}
