'use server';
// District admin: reminder schedule, channels, delivery log (issue 16), for the admin's own
// district (checked again in modules/reminders/data/admin.ts). Secrets typed into a form are never
// sent back in the form's state.
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/core/guard';
import { addRobot, removeRobot, retryDead, saveSchedule, saveSmtp, saveWebhook, sendTest } from '@/modules/reminders/data/admin';
import { idSchema, robotSchema, scheduleSchema, smtpSchema, testEmailSchema, webhookSchema } from '@/modules/reminders/validation/admin';

const ADMIN = ['districtAdmin'] as const;
const SECRETS = ['password', 'secret'];
const changed = () => revalidatePath('/admin/reminders');

export const saveScheduleAction = defineAction({ roles: ADMIN, schema: scheduleSchema }, async ({ scope, input }) => {
  await saveSchedule(scope, input);
  changed();
});

export const saveSmtpAction = defineAction({ roles: ADMIN, schema: smtpSchema, hide: SECRETS }, async ({ scope, input }) => {
  await saveSmtp(scope, input);
  changed();
});

export const saveWebhookAction = defineAction({ roles: ADMIN, schema: webhookSchema, hide: SECRETS }, async ({ scope, input }) => {
  await saveWebhook(scope, input);
  changed();
});

export const addRobotAction = defineAction({ roles: ADMIN, schema: robotSchema, hide: SECRETS }, async ({ scope, input }) => {
  await addRobot(scope, input);
  changed();
});

export const removeRobotAction = defineAction({ roles: ADMIN, schema: idSchema('robotId') }, async ({ scope, input }) => {
  await removeRobot(scope, String(input.robotId));
  changed();
});

/** "Send test message" by e-mail: the SMTP server's answer is shown when it fails. */
export const sendTestEmailAction = defineAction({ roles: ADMIN, schema: testEmailSchema }, async ({ scope, input }) => {
  const r = await sendTest(scope, { kind: 'email', to: input.to });
  return r.ok ? { status: 'saved', message: 'testSent' } : { status: 'conflict', message: r.error };
});

export const sendTestRobotAction = defineAction({ roles: ADMIN, schema: idSchema('robotId') }, async ({ scope, input }) => {
  const r = await sendTest(scope, { kind: 'robot', robotId: String(input.robotId) });
  return r.ok ? { status: 'saved', message: 'testSent' } : { status: 'conflict', message: r.error };
});

/** Dead letters back in the queue: one (`deliveryId`) or all (`deliveryId=all`). */
export const retryDeliveryAction = defineAction({ roles: ADMIN, schema: idSchema('deliveryId') }, async ({ scope, input }) => {
  const id = String(input.deliveryId);
  await retryDead(scope, id === 'all' ? 'all' : id);
  changed();
});
