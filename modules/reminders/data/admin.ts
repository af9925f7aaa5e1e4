// District admin (issue 16): the reminders schedule, the channels (e-mail, group robots, webhook)
// with their secrets encrypted and never shown again, the delivery log and the dead-letter list
// (retry). Every change is audited, without the secrets.
import { and, desc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { reminderDeliveries, reminderMessages, reminderRobots, reminderSettings, users, zones } from '@/db/schema';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import { isUuid } from '@/core/auth/users';
import { type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { now } from '@/core/env';
import { sendEmail } from '../channels/email';
import { ChannelError } from '../channels/http';
import { formats, renderMessage } from '../channels/render';
import { sendDingTalk, sendWeCom, urlHint } from '../channels/robots';
import { wakeWorker } from '../jobs/wake';
import { reminderSettingsOf } from './facts';
import { encryptSecret } from '@/core/crypto/secrets';
import { robotConfigOf, secretContext, smtpConfigOf } from './secrets';
import { appOrigin } from '../jobs/deliver';
import type { ReminderSettings } from '../domain/types';
import type { RobotInput, SmtpInput, WebhookInput } from '../validation/admin';

const ADMIN = ['districtAdmin'] as const;

/** Everything the admin page shows: no secret, only whether one is saved. */
export async function reminderAdmin(scope: Scope) {
  return inDistrict(scope, ADMIN, async (tx, s) => {
    const { settings, row } = await reminderSettingsOf(tx, s.districtId);
    const robots = await tx
      .select({
        id: reminderRobots.id,
        kind: reminderRobots.kind,
        name: reminderRobots.name,
        zoneId: reminderRobots.zoneId,
        urlHint: reminderRobots.urlHint,
        signed: sql<boolean>`${reminderRobots.secretEnc} is not null`,
      })
      .from(reminderRobots)
      .where(and(eq(reminderRobots.districtId, s.districtId), eq(reminderRobots.active, true)))
      .orderBy(reminderRobots.createdAt);
    const zoneRows = await tx
      .select({ id: zones.id, name: zones.name })
      .from(zones)
      .where(and(eq(zones.districtId, s.districtId), eq(zones.active, true)))
      .orderBy(zones.sortOrder, zones.code);
    return {
      settings,
      smtp: { host: row?.smtpHost ?? '', port: row?.smtpPort ?? null, tls: row?.smtpTls ?? 'starttls', user: row?.smtpUser ?? '', from: row?.smtpFrom ?? '', passwordSet: !!row?.smtpPasswordEnc },
      webhook: { url: row?.webhookUrl ?? '', secretSet: !!row?.webhookSecretEnc },
      robots: robots.map((r) => ({ ...r, signed: Boolean(r.signed), zone: zoneRows.find((z) => z.id === r.zoneId)?.name ?? null })),
      zones: zoneRows,
    };
  });
}

async function upsertSettings(tx: Parameters<Parameters<typeof inDistrict>[2]>[0], districtId: string, values: Partial<typeof reminderSettings.$inferInsert>) {
  await tx
    .insert(reminderSettings)
    .values({ districtId, ...values, updatedAt: now() })
    .onConflictDoUpdate({ target: reminderSettings.districtId, set: { ...values, updatedAt: now() } });
}

export async function saveSchedule(scope: Scope, input: ReminderSettings): Promise<void> {
  await inDistrict(scope, ADMIN, async (tx, s) => {
    const { settings: before } = await reminderSettingsOf(tx, s.districtId);
    await upsertSettings(tx, s.districtId, input);
    await audit(tx, s, { entity: 'reminder_settings', entityId: s.districtId, action: 'update', before, after: input });
  });
}

export async function saveSmtp(scope: Scope, input: SmtpInput): Promise<void> {
  await inDistrict(scope, ADMIN, async (tx, s) => {
    const { row } = await reminderSettingsOf(tx, s.districtId);
    const password = input.clearPassword ? null : input.password ? encryptSecret(input.password, secretContext.smtp(s.districtId)) : (row?.smtpPasswordEnc ?? null);
    await upsertSettings(tx, s.districtId, {
      smtpHost: input.host || null,
      smtpPort: input.port,
      smtpTls: input.tls,
      smtpUser: input.user || null,
      smtpFrom: input.from || null,
      smtpPasswordEnc: password,
    });
    const shown = (r: typeof row) => (r ? { host: r.smtpHost, port: r.smtpPort, tls: r.smtpTls, user: r.smtpUser, from: r.smtpFrom, passwordSet: !!r.smtpPasswordEnc } : null);
    await audit(tx, s, {
      entity: 'reminder_smtp',
      entityId: s.districtId,
      action: 'update',
      before: shown(row),
      after: { host: input.host, port: input.port, tls: input.tls, user: input.user, from: input.from, passwordSet: !!password, passwordChanged: !!input.password || input.clearPassword },
    });
  });
}

export async function saveWebhook(scope: Scope, input: WebhookInput): Promise<void> {
  await inDistrict(scope, ADMIN, async (tx, s) => {
    const { row } = await reminderSettingsOf(tx, s.districtId);
    const secret = input.clearSecret ? null : input.secret ? encryptSecret(input.secret, secretContext.webhook(s.districtId)) : (row?.webhookSecretEnc ?? null);
    await upsertSettings(tx, s.districtId, { webhookUrl: input.url || null, webhookSecretEnc: secret });
    await audit(tx, s, {
      entity: 'reminder_webhook',
      entityId: s.districtId,
      action: 'update',
      before: row ? { url: row.webhookUrl, secretSet: !!row.webhookSecretEnc } : null,
      after: { url: input.url, secretSet: !!secret, secretChanged: !!input.secret || input.clearSecret },
    });
  });
}

export async function addRobot(scope: Scope, input: RobotInput): Promise<string> {
  return inDistrict(scope, ADMIN, async (tx, s) => {
    if (input.zoneId) {
      const [z] = await tx
        .select({ id: zones.id })
        .from(zones)
        .where(and(eq(zones.id, input.zoneId), eq(zones.districtId, s.districtId)));
      if (!z) notFound();
    }
    const id = randomUUID();
    await tx.insert(reminderRobots).values({
      id,
      districtId: s.districtId,
      zoneId: input.zoneId,
      kind: input.kind,
      name: input.name,
      urlEnc: encryptSecret(input.url, secretContext.robotUrl(id)),
      urlHint: urlHint(input.url),
      secretEnc: input.secret ? encryptSecret(input.secret, secretContext.robotSecret(id)) : null,
    });
    await audit(tx, s, {
      entity: 'reminder_robot',
      entityId: id,
      action: 'create',
      after: { kind: input.kind, name: input.name, zoneId: input.zoneId, url: urlHint(input.url), signed: !!input.secret },
    });
    return id;
  });
}

async function robotInDistrict(tx: Parameters<Parameters<typeof inDistrict>[2]>[0], districtId: string, robotId: string) {
  if (!isUuid(robotId)) notFound();
  const [r] = await tx
    .select()
    .from(reminderRobots)
    .where(and(eq(reminderRobots.id, robotId), eq(reminderRobots.districtId, districtId), eq(reminderRobots.active, true)));
  if (!r) notFound();
  return r;
}

/** Robots are deactivated, not deleted: the delivery log keeps naming them. */
export async function removeRobot(scope: Scope, robotId: string): Promise<void> {
  await inDistrict(scope, ADMIN, async (tx, s) => {
    const r = await robotInDistrict(tx, s.districtId, robotId);
    await tx.update(reminderRobots).set({ active: false }).where(eq(reminderRobots.id, r.id));
    await audit(tx, s, { entity: 'reminder_robot', entityId: r.id, action: 'delete', before: { kind: r.kind, name: r.name, url: r.urlHint } });
  });
}

const TEST_MESSAGE = { titleKey: 'test', titleValues: {}, lines: [{ key: 'testLine', values: {}, href: null }], href: '/' };

/** "Send test message": straight to the channel, now; the error (if any) is shown to the admin. */
export async function sendTest(scope: Scope, target: { kind: 'email'; to: string } | { kind: 'robot'; robotId: string }): Promise<{ ok: true } | { ok: false; error: string }> {
  const cfg = await inDistrict(scope, ADMIN, async (tx, s) => {
    if (target.kind === 'email') return { email: await smtpConfigOf(tx, s.districtId) };
    await robotInDistrict(tx, s.districtId, target.robotId);
    return { robot: await robotConfigOf(tx, s.districtId, target.robotId) };
  });
  const f = formats(renderMessage(TEST_MESSAGE, 'zh-CN'), appOrigin(), 'zh-CN');
  try {
    if (target.kind === 'email') {
      if (!cfg.email) throw new ChannelError('SMTP not set up');
      await sendEmail(cfg.email, target.to, f);
    } else {
      if (!cfg.robot) throw new ChannelError('robot not found');
      if (cfg.robot.kind === 'wecom') await sendWeCom(cfg.robot.url, f.markdown);
      else await sendDingTalk(cfg.robot.url, cfg.robot.secret, f.subject, f.markdown, new Date());
    }
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof ChannelError ? e.message : 'failed' };
  }
}

const LOG_SIZE = 100;

/** The delivery log (newest first) and the dead-letter list of the district. */
export async function deliveryLog(scope: Scope) {
  return inDistrict(scope, ADMIN, async (tx, s) => {
    const cols = {
      id: reminderDeliveries.id,
      channel: reminderDeliveries.channel,
      target: reminderDeliveries.target,
      status: reminderDeliveries.status,
      attempts: reminderDeliveries.attempts,
      lastError: reminderDeliveries.lastError,
      updatedAt: reminderDeliveries.updatedAt,
      kind: reminderMessages.kind,
      recipient: users.displayName,
      username: users.username,
    };
    const base = () =>
      tx.select(cols).from(reminderDeliveries).innerJoin(reminderMessages, eq(reminderMessages.id, reminderDeliveries.messageId)).innerJoin(users, eq(users.id, reminderMessages.recipientId));
    const [log, dead] = await Promise.all([
      base().where(eq(reminderDeliveries.districtId, s.districtId)).orderBy(desc(reminderDeliveries.updatedAt), desc(reminderDeliveries.id)).limit(LOG_SIZE),
      base()
        .where(and(eq(reminderDeliveries.districtId, s.districtId), eq(reminderDeliveries.status, 'dead')))
        .orderBy(desc(reminderDeliveries.updatedAt))
        .limit(LOG_SIZE),
    ]);
    return { log, dead };
  });
}

/** Puts dead deliveries (one, or all of the district's) back in the queue, with fresh attempts. */
export async function retryDead(scope: Scope, deliveryId: string | 'all'): Promise<number> {
  const r = await inDistrict(scope, ADMIN, async (tx, s) => {
    if (deliveryId !== 'all' && !isUuid(deliveryId)) notFound();
    const where = and(eq(reminderDeliveries.districtId, s.districtId), eq(reminderDeliveries.status, 'dead'), deliveryId === 'all' ? undefined : eq(reminderDeliveries.id, deliveryId));
    const rows = await tx
      .update(reminderDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now(), leaseUntil: null, updatedAt: now() })
      .where(where)
      .returning({ id: reminderDeliveries.id });
    if (deliveryId !== 'all' && rows.length === 0) {
      const [exists] = await tx
        .select({ id: reminderDeliveries.id })
        .from(reminderDeliveries)
        .where(and(eq(reminderDeliveries.id, deliveryId), eq(reminderDeliveries.districtId, s.districtId)));
      if (!exists) notFound();
      throw new AppError('conflict', 'notDead');
    }
    if (rows.length) await audit(tx, s, { entity: 'reminder_delivery', entityId: deliveryId, action: 'retry', after: { count: rows.length } });
    return { districtId: s.districtId, ids: rows.map((x) => x.id) };
  });
  await wakeWorker(r.districtId, r.ids);
  return r.ids.length;
}
