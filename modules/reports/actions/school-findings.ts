'use server';
// Rectification responses (§5). Who may run: coordinators, for findings raised against their own
// school (modules/reports/data/findings-school checks the finding's school; the ids only name records).
import { revalidatePath } from 'next/cache';
import { respondToFinding } from '@/modules/reports/data/findings-school';
import { fieldMessages, formFields } from '@/core/forms/fields';
import { rectificationSchema } from '@/modules/reports/validation/findings-school';
import { asCoordinator } from '@/core/auth/coordinator-guard';
import type { Refusal } from '@/core/forms/states';
import { asFormData } from '@/core/forms/form';

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
