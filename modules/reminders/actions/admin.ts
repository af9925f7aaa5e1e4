'use server';
// District admin: reminder schedule, channels, delivery log (issue 16). Who: districtAdmin only
// (enforced in modules/reminders/data/admin.ts).
import { asFormData, formDataObject, type ActionState } from '@/core/forms/form';
import { addRobot, removeRobot, retryDead, saveSchedule, saveSmtp, saveWebhook, sendTest } from '@/modules/reminders/data/admin';
import { idSchema, robotSchema, scheduleSchema, smtpSchema, testEmailSchema, webhookSchema } from '@/modules/reminders/validation/admin';
import { runAction } from './run';

const PATHS = ['/admin/reminders'];
const raw = (fd: FormData) => formDataObject(asFormData(fd));

export async function saveScheduleAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(scheduleSchema, raw(fd), (scope, input) => saveSchedule(scope, input), PATHS);
}

export async function saveSmtpAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(smtpSchema, raw(fd), (scope, input) => saveSmtp(scope, input), PATHS);
}

export async function saveWebhookAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(webhookSchema, raw(fd), (scope, input) => saveWebhook(scope, input), PATHS);
}

export async function addRobotAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(robotSchema, raw(fd), async (scope, input) => void (await addRobot(scope, input)), PATHS);
}

export async function removeRobotAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(idSchema('robotId'), raw(fd), (scope, input) => removeRobot(scope, String(input.robotId)), PATHS);
}

/** "Send test message" by e-mail: the SMTP server's answer is shown when it fails. */
export async function sendTestEmailAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(
    testEmailSchema,
    raw(fd),
    async (scope, input) => {
      const r = await sendTest(scope, { kind: 'email', to: input.to });
      return r.ok ? { status: 'saved', message: 'testSent' } : { status: 'conflict', message: r.error };
    },
    [],
  );
}

export async function sendTestRobotAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(
    idSchema('robotId'),
    raw(fd),
    async (scope, input) => {
      const r = await sendTest(scope, { kind: 'robot', robotId: String(input.robotId) });
      return r.ok ? { status: 'saved', message: 'testSent' } : { status: 'conflict', message: r.error };
    },
    [],
  );
}

/** Dead letters back in the queue: one (`deliveryId`) or all (`deliveryId=all`). */
export async function retryDeliveryAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(idSchema('deliveryId'), raw(fd), async (scope, input) => void (await retryDead(scope, String(input.deliveryId) === 'all' ? 'all' : String(input.deliveryId))), PATHS);
}
