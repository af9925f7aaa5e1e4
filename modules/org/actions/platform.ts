'use server';
// Platform admin: districts and their first admin.
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/core/guard';
import { createDistrict } from '@/modules/org/data/platform';
import { createDistrictSchema } from '@/modules/org/validation/platform';
import type { IssuedState } from '@/modules/org/validation/states';

export const createDistrictAction = defineAction<typeof createDistrictSchema._output, IssuedState>({ roles: ['platformAdmin'], schema: createDistrictSchema }, async ({ scope, input }) => {
  const r = await createDistrict(scope, input);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors };
  revalidatePath('/platform');
  return { status: 'issued', issued: r.value };
});
