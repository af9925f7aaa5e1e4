// The admin's and the coordinator's "generate codes" actions (DESIGN §7) are one definition:
// validate the batch, generate it (modules/surveys/data/codes checks who may, for which school),
// then open its print sheet under `path`. Server-only; the callers are the server actions.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/core/guard';
import { generateBatch } from '@/modules/surveys/data/codes';
import { batchSchema } from '@/modules/surveys/validation/surveys';

export function generateCodes(path: string) {
  return defineAction({ roles: ['districtAdmin', 'coordinator'], schema: batchSchema }, async ({ scope, input }) => {
    const r = await generateBatch(scope, input);
    if ('field' in r) return { status: 'invalid', fieldErrors: { [r.field]: { key: r.key } } };
    revalidatePath(path);
    redirect(`${path}/print/${r.batchId}`);
  });
}
