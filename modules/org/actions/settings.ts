'use server';
// The district's settings of a year, and enabling or disabling a user.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/core/guard';
import { saveSettings } from '@/modules/org/data/settings';
import { setUserDisabled } from '@/modules/org/data/users-admin';
import { noticeContactSchema, settingsSchema } from '@/modules/org/validation/settings';
import { saveNoticeContact } from '@/modules/org/data/notice-contact';

export const saveSettingsAction = defineAction({ roles: ['districtAdmin'], schema: settingsSchema }, async ({ scope, input }) => {
  await saveSettings(scope, input);
  revalidatePath('/admin');
});

const toggleSchema = z.object({ userId: z.string().max(64), disabled: z.enum(['true', 'false']) });

export const toggleUserAction = defineAction({ roles: ['districtAdmin'], schema: toggleSchema, malformed: 'notFound' }, async ({ scope, input }) => {
  await setUserDisabled(scope, input.userId, input.disabled === 'true');
  revalidatePath('/admin/users');
});

/** The office, telephone and address where the public lodges objections to a 公示 (issue 14). */
export const saveNoticeContactAction = defineAction({ roles: ['districtAdmin'], schema: noticeContactSchema }, async ({ scope, input }) => {
  await saveNoticeContact(scope, input);
  revalidatePath('/admin');
});
