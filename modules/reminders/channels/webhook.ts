// Generic outgoing webhook (issue 16), e.g. to a bureau's SMS gateway: a JSON POST signed with
// HMAC-SHA256. Headers: `X-Sunlight-Timestamp` (Unix seconds) and
// `X-Sunlight-Signature: sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<raw body>")>`.
// The receiver recomputes it over the raw body and rejects old timestamps (replays).
import crypto from 'node:crypto';
import { postJson } from './http';

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export interface WebhookPayload {
  id: string;
  kind: string;
  day: string;
  district: string;
  recipient: { username: string; name: string; phone: string | null; email: string | null };
  title: string;
  text: string;
  url: string | null;
}

export async function sendWebhook(url: string, secret: string, payload: WebhookPayload, now: Date): Promise<void> {
  const body = JSON.stringify(payload);
  const ts = Math.floor(now.getTime() / 1000);
  await postJson(url, body, { 'x-sunlight-timestamp': String(ts), 'x-sunlight-signature': webhookSignature(secret, ts, body), 'x-sunlight-event': payload.kind });
}
