'use server';
// Holidays (DESIGN §6: the 公示 period skips them).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { parseLocalDate } from '@/core/domain/dates';
import { defineAction } from '@/core/guard';
import { removeHoliday, saveHoliday } from '@/modules/org/data/settings-admin';
import { holidaySchema } from '@/modules/org/validation/settings-form';
import { wakeRecompute } from '@/modules/facts/data/jobs';

export const saveHolidayAction = defineAction({ roles: ['districtAdmin'], schema: holidaySchema }, async ({ scope, input }) => {
  await saveHoliday(scope, input);
  await wakeRecompute(scope.districtId);
  revalidatePath('/admin/holidays');
});

const removeSchema = z.object({ day: z.string().refine((d) => parseLocalDate(d) !== null) });

export const removeHolidayAction = defineAction({ roles: ['districtAdmin'], schema: removeSchema, malformed: 'notFound' }, async ({ scope, input }) => {
  await removeHoliday(scope, input.day);
  await wakeRecompute(scope.districtId);
  revalidatePath('/admin/holidays');
});
