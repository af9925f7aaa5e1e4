'use server';
// Rectification responses (§5), for findings raised against the coordinator's own school
// (modules/reports/data/findings-school checks the finding's school; the ids only name records).
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { defineAction } from '@/core/guard';
import { respondToFinding } from '@/modules/reports/data/findings-school';
import { rectificationSchema } from '@/modules/reports/validation/findings-school';
import type { RespondState } from '@/modules/reports/validation/states';

export const respondAction = defineAction<z.output<typeof rectificationSchema>, RespondState>({ roles: ['coordinator'], schema: rectificationSchema }, async ({ scope, input }) => {
  const r = await respondToFinding(scope, input);
  revalidatePath('/school/findings');
  return { status: 'sent', late: r.late };
});
