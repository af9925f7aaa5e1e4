// 企业微信 (WeCom) group robots and 钉钉 (DingTalk) custom robots (issue 16): markdown messages
// posted to the robot's webhook URL. DingTalk's signed mode ("加签"): timestamp (ms) and
// sign = urlEncode(base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret))) as
// query parameters. Both answer `{ "errcode": 0, "errmsg": "ok" }` on success.
import crypto from 'node:crypto';
import { ChannelError, postJson } from './http';

/** DingTalk's signature of `timestamp` with `secret` (before URL encoding). */
export function dingTalkSign(timestamp: number, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The robot URL with DingTalk's timestamp and sign parameters added. */
export function signedDingTalkUrl(url: string, secret: string, timestamp: number): string {
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', dingTalkSign(timestamp, secret));
  return u.toString();
}

function checkErrcode(text: string): void {
  let body: { errcode?: unknown; errmsg?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new ChannelError('unexpected answer');
  }
  if (body.errcode !== 0) throw new ChannelError(`errcode ${String(body.errcode)}: ${String(body.errmsg ?? '')}`);
}

export async function sendWeCom(url: string, markdown: string): Promise<void> {
  // WeCom markdown is limited to 4096 bytes.
  const content = Buffer.from(markdown, 'utf8')
    .subarray(0, 4000)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  const { text } = await postJson(url, JSON.stringify({ msgtype: 'markdown', markdown: { content } }));
  checkErrcode(text);
}

export async function sendDingTalk(url: string, secret: string | null, title: string, markdown: string, now: Date): Promise<void> {
  const target = secret ? signedDingTalkUrl(url, secret, now.getTime()) : url;
  const { text } = await postJson(target, JSON.stringify({ msgtype: 'markdown', markdown: { title, text: markdown } }));
  checkErrcode(text);
}

/** `https://oapi.dingtalk.com/robot/send?access_token=abcd…wxyz` → `oapi.dingtalk.com …wxyz`. */
export function urlHint(url: string): string {
  try {
    const u = new URL(url);
    const token = [...u.searchParams.values()].join('');
    return `${u.host}${token ? ` …${token.slice(-4)}` : ''}`;
  } catch {
    return '—';
  }
}
