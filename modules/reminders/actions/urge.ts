'use server';
// 催办 (issue 16): an evaluator reminds the ticked schools of their overdue items, schools of
// their scope only (checked again in modules/reminders/data/urge.ts).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/core/guard';
import { urgeSchools } from '@/modules/reminders/data/urge';
import { urgeSchema } from '@/modules/reminders/validation/admin';

const form = z
  .object({ schoolId: z.array(z.string()) })
  .transform((v) => ({ schoolIds: v.schoolId }))
  .pipe(urgeSchema);

export const urgeAction = defineAction({ roles: ['evaluator'], schema: form, arrays: ['schoolId'] }, async ({ scope, input }) => {
  const r = await urgeSchools(scope, input.schoolIds);
  revalidatePath('/review');
  revalidatePath('/school');
  // The counts travel in the message: "sent,already,nothing".
  return { status: 'saved', message: `${r.sent.length},${r.already.length},${r.nothing.length}` };
});
