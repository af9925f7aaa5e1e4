'use server';
// Coordinator: generate code batches for their own school (DESIGN §7). Who may run it:
// coordinators for their school, district admins (enforced in lib/data/surveys-codes).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/lib/auth/action';
import { generateBatch } from '@/lib/data/surveys-codes';
import { formDataObject, type ActionState, asFormData } from '@/lib/validation/form';
import { batchSchema } from '@/lib/validation/surveys';
import { surveyFieldErrors } from '@/lib/validation/surveys-errors';

const PATH = '/school/surveys';

export async function generateSchoolCodesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = batchSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: surveyFieldErrors(parsed.error), values };
  let batchId = '';
  const state = await guardedAction(async (scope) => {
    const r = await generateBatch(scope, parsed.data);
    if ('field' in r) return { status: 'invalid', fieldErrors: { [r.field]: { key: r.key } }, values };
    batchId = r.batchId;
    return { status: 'saved' };
  }, values);
  if (state.status !== 'saved') return state;
  revalidatePath(PATH);
  redirect(`${PATH}/print/${batchId}`);
}
