// The district's channel configuration with its secrets decrypted, for sending only (never for a
// page: pages see whether a secret is set, not the secret). Each ciphertext is bound to its row.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { reminderRobots, reminderSettings } from '@/db/schema';
import { decryptSecret } from '@/core/crypto/secrets';
import type { SmtpConfig } from '../channels/email';

export const secretContext = {
  smtp: (districtId: string) => `smtp-password:${districtId}`,
  webhook: (districtId: string) => `webhook-secret:${districtId}`,
  robotUrl: (robotId: string) => `robot-url:${robotId}`,
  robotSecret: (robotId: string) => `robot-secret:${robotId}`,
};

export async function smtpConfigOf(tx: Tx, districtId: string): Promise<SmtpConfig | null> {
  const [row] = await tx.select().from(reminderSettings).where(eq(reminderSettings.districtId, districtId));
  if (!row?.smtpHost || !row.smtpPort || !row.smtpFrom) return null;
  return { host: row.smtpHost, port: row.smtpPort, tls: row.smtpTls, user: row.smtpUser, password: decryptSecret(row.smtpPasswordEnc, secretContext.smtp(districtId)), from: row.smtpFrom };
}

export async function webhookConfigOf(tx: Tx, districtId: string): Promise<{ url: string; secret: string } | null> {
  const [row] = await tx.select().from(reminderSettings).where(eq(reminderSettings.districtId, districtId));
  const secret = decryptSecret(row?.webhookSecretEnc, secretContext.webhook(districtId));
  if (!row?.webhookUrl || !secret) return null;
  return { url: row.webhookUrl, secret };
}

export async function robotConfigOf(tx: Tx, districtId: string, robotId: string): Promise<{ kind: 'wecom' | 'dingtalk'; url: string; secret: string | null; active: boolean } | null> {
  const [r] = await tx
    .select()
    .from(reminderRobots)
    .where(and(eq(reminderRobots.id, robotId), eq(reminderRobots.districtId, districtId)));
  if (!r) return null;
  const url = decryptSecret(r.urlEnc, secretContext.robotUrl(r.id));
  if (!url) return null;
  return { kind: r.kind, url, secret: decryptSecret(r.secretEnc, secretContext.robotSecret(r.id)), active: r.active };
}
