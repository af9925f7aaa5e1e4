// Each user's choice of channels (issue 16): their own row only, whatever the form names.
import { eq } from 'drizzle-orm';
import { reminderPreferences } from '@/db/schema';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import type { Scope } from '@/core/scope';
import { now } from '@/core/env';
import { DEFAULT_PREFERENCES, type Preferences } from '../domain/channels';
import { channelFactsOf } from './facts';

const ROLES = ['districtAdmin', 'evaluator', 'leader', 'coordinator'] as const;

export async function myPreferences(scope: Scope) {
  return inDistrict(scope, ROLES, async (tx, s) => {
    const [row] = await tx.select().from(reminderPreferences).where(eq(reminderPreferences.userId, s.userId));
    const prefs: Preferences = row ? { email: row.email, phone: row.phone, byEmail: row.byEmail, byRobot: row.byRobot, byWebhook: row.byWebhook } : DEFAULT_PREFERENCES;
    const channels = await channelFactsOf(tx, s.districtId);
    return { prefs, available: { email: channels.smtpReady, robot: channels.robots.length > 0, webhook: channels.webhookReady } };
  });
}

export async function savePreferences(scope: Scope, input: Preferences): Promise<void> {
  await inDistrict(scope, ROLES, async (tx, s) => {
    const [before] = await tx.select().from(reminderPreferences).where(eq(reminderPreferences.userId, s.userId));
    const values = { email: input.email, phone: input.phone, byEmail: input.byEmail, byRobot: input.byRobot, byWebhook: input.byWebhook, updatedAt: now() };
    await tx
      .insert(reminderPreferences)
      .values({ userId: s.userId, districtId: s.districtId, ...values })
      .onConflictDoUpdate({ target: reminderPreferences.userId, set: values });
    await audit(tx, s, { entity: 'reminder_preferences', entityId: s.userId, action: 'update', before: before ?? null, after: input });
  });
}
