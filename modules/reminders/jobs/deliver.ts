// One attempt at one external delivery (issue 16): claim it (only one worker wins), send it
// outside any database transaction, record the result (sent / retry with backoff / dead letter).
// Signing timestamps (DingTalk, webhook) use the real clock: receivers compare them with theirs.
import { withDistrict } from '@/db/client';
import { env } from '@/core/env';
import { sendEmail } from '../channels/email';
import { ChannelError } from '../channels/http';
import { formats, renderMessage } from '../channels/render';
import { sendDingTalk, sendWeCom } from '../channels/robots';
import { sendWebhook } from '../channels/webhook';
import { claimDelivery, deliveryContext, finishDelivery } from '../data/runs';
import { robotConfigOf, smtpConfigOf, webhookConfigOf } from '../data/secrets';

export type DeliveryOutcome = { status: 'skipped' } | { status: 'sent' | 'dead' } | { status: 'retry'; nextAttemptAt: Date };

export function appOrigin(): string {
  return env().NEXTAUTH_URL || `http://localhost:${env().PORT ?? 3000}`;
}

/** Test hook for integration tests: a send function that replaces the real channels. */
export type Sender = (channel: string, payload: { deliveryId: string; to: string; subject: string; text: string; markdown: string }) => Promise<void>;

export async function deliverOne(districtId: string, deliveryId: string, now: () => Date, sender?: Sender): Promise<DeliveryOutcome> {
  const d = await claimDelivery(districtId, deliveryId, now());
  if (!d) return { status: 'skipped' };
  let error: string | null = null;
  try {
    const ctx = await deliveryContext(districtId, d.messageId);
    if (!ctx?.recipient) throw new ChannelError('recipient no longer active');
    const { message: m, recipient: r } = ctx;
    const rendered = renderMessage({ titleKey: m.titleKey, titleValues: m.titleValues, lines: m.lines, href: m.href }, r.locale);
    const f = formats(rendered, appOrigin(), r.locale);
    if (sender) {
      await sender(d.channel, { deliveryId: d.id, to: d.robotId ?? r.prefs.email ?? d.target, subject: f.subject, text: f.text, markdown: f.markdown });
    } else if (d.channel === 'email') {
      const cfg = await withDistrict(districtId, (tx) => smtpConfigOf(tx, districtId));
      if (!cfg) throw new ChannelError('e-mail is not set up');
      if (!r.prefs.email) throw new ChannelError('no e-mail address');
      await sendEmail(cfg, r.prefs.email, f);
    } else if (d.channel === 'webhook') {
      const cfg = await withDistrict(districtId, (tx) => webhookConfigOf(tx, districtId));
      if (!cfg) throw new ChannelError('webhook is not set up');
      await sendWebhook(
        cfg.url,
        cfg.secret,
        {
          id: m.id,
          kind: m.kind,
          day: m.day,
          district: ctx.districtCode,
          recipient: { username: r.username, name: r.displayName, phone: r.prefs.phone, email: r.prefs.email },
          title: f.subject,
          text: f.text,
          url: rendered.href ? new URL(rendered.href, appOrigin()).toString() : null,
        },
        new Date(),
      );
    } else {
      const robot = d.robotId ? await withDistrict(districtId, (tx) => robotConfigOf(tx, districtId, d.robotId!)) : null;
      if (!robot || !robot.active) throw new ChannelError('robot removed');
      if (robot.kind === 'wecom') await sendWeCom(robot.url, f.markdown);
      else await sendDingTalk(robot.url, robot.secret, f.subject, f.markdown, new Date());
    }
  } catch (e) {
    error = e instanceof ChannelError ? e.message : e instanceof Error ? e.message.slice(0, 300) : 'failed';
  }
  const result = await finishDelivery(d, error, now());
  return result.status === 'retry' ? { status: 'retry', nextAttemptAt: result.nextAttemptAt! } : { status: result.status };
}
