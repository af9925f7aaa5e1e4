'use server';
// 催办 (issue 16): an evaluator reminds the ticked schools of their overdue items. Who:
// evaluators, schools of their scope only (enforced in modules/reminders/data/urge.ts).
import { asFormData, type ActionState } from '@/core/forms/form';
import { urgeSchools } from '@/modules/reminders/data/urge';
import { urgeSchema } from '@/modules/reminders/validation/admin';
import { runAction } from './run';

export async function urgeAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  const form = asFormData(fd);
  const raw = { schoolIds: form.getAll('schoolId').filter((v): v is string => typeof v === 'string') };
  return runAction(
    urgeSchema,
    raw,
    async (scope, input) => {
      const r = await urgeSchools(scope, input.schoolIds);
      // The counts travel in the message: "sent,already,nothing".
      return { status: 'saved', message: `${r.sent.length},${r.already.length},${r.nothing.length}` };
    },
    ['/review', '/school'],
  );
}
