// Shared by the admin's and the coordinator's "generate codes" actions (DESIGN §7): validate the
// batch, generate it (modules/surveys/data/codes checks who may, for which school), then open its print
// sheet under `path`. Server-only; the callers are the server actions.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/core/auth/action';
import { generateBatch } from '@/modules/surveys/data/codes';
import { formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { batchSchema } from '@/modules/surveys/validation/surveys';
import { surveyFieldErrors } from '@/modules/surveys/validation/errors';

export async function generateCodesAt(path: string, form: unknown): Promise<ActionState> {
  const values = formDataObject(asFormData(form));
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
  revalidatePath(path);
  redirect(`${path}/print/${batchId}`);
}
