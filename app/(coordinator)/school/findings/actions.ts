'use server';
// Rectification responses (§5). Who may run: coordinators, for findings raised against their own
// school (lib/data/findings-school checks the finding's school; the ids only name records).
import { revalidatePath } from 'next/cache';
import { respondToFinding } from '@/lib/data/findings-school';
import { fieldMessages, formFields } from '@/lib/validation/coordinator-errors';
import { rectificationSchema } from '@/lib/validation/findings-school';
import { asCoordinator } from '../_lib/guard';
import type { Refusal } from '../_lib/states';
import { asFormData } from '@/lib/validation/form';

export type RespondState = { status: 'idle' } | { status: 'sent'; late: boolean } | { status: 'invalid'; fieldErrors: ReturnType<typeof fieldMessages> } | Refusal;

export async function respondAction(_prev: RespondState, fd: FormData): Promise<RespondState> {
  fd = asFormData(fd);
  const parsed = rectificationSchema.safeParse(formFields(fd));
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldMessages(parsed.error) };
  const r = await asCoordinator((scope) => respondToFinding(scope, parsed.data));
  if ('status' in r) return r;
  revalidatePath('/school/findings');
  return { status: 'sent', late: r.late };
}
