import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formats, renderMessage } from './render';
import { dingTalkSign, sendDingTalk, sendWeCom, signedDingTalkUrl, urlHint } from './robots';
import { sendWebhook, webhookSignature } from './webhook';
import { maskEmail, plannedDeliveries, robotsFor, DEFAULT_PREFERENCES } from '../domain/channels';

// A local receiver standing in for the robots and the webhook.
const received: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let answer: { status: number; body: string } = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('DingTalk signed mode', () => {
  it('signs timestamp + "\\n" + secret with HMAC-SHA256 keyed by the secret, base64, URL-encoded', async () => {
    const secret = 'SEC0123456789abcdef';
    const ts = 1795400000000;
    const expected = crypto
      .createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(Buffer.from(`${ts}\n${secret}`, 'utf8'))
      .digest('base64');
    expect(dingTalkSign(ts, secret)).toBe(expected);
    const url = signedDingTalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', secret, ts);
    expect(url).toContain(`&timestamp=${ts}&sign=${encodeURIComponent(expected)}`);

    received.length = 0;
    await sendDingTalk(`${base}/robot/send?access_token=tok`, secret, '标题', '### 标题\n- 一行', new Date(ts));
    const got = new URL(received[0]!.url, base);
    expect(got.searchParams.get('access_token')).toBe('tok');
    expect(got.searchParams.get('sign')).toBe(expected);
    expect(JSON.parse(received[0]!.body)).toEqual({ msgtype: 'markdown', markdown: { title: '标题', text: '### 标题\n- 一行' } });
  });

  it('reports the robot’s errcode as a failure', async () => {
    answer = { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' };
    await expect(sendDingTalk(`${base}/robot/send`, 'SECx', 't', 'm', new Date())).rejects.toThrow('errcode 310000: sign not match');
    answer = { status: 502, body: 'bad gateway' };
    await expect(sendWeCom(`${base}/cgi-bin/webhook/send?key=k`, 'm')).rejects.toThrow('HTTP 502');
    answer = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
  });

  it('hides the robot token except its last characters', () => {
    expect(urlHint('https://oapi.dingtalk.com/robot/send?access_token=0123456789wxyz')).toBe('oapi.dingtalk.com …wxyz');
  });
});

describe('WeCom and the webhook', () => {
  it('posts WeCom markdown', async () => {
    received.length = 0;
    await sendWeCom(`${base}/cgi-bin/webhook/send?key=k`, '### 催办');
    expect(JSON.parse(received[0]!.body)).toEqual({ msgtype: 'markdown', markdown: { content: '### 催办' } });
  });

  it('signs the webhook body with HMAC-SHA256 over "<timestamp>.<body>"', async () => {
    received.length = 0;
    const now = new Date('2026-11-23T02:00:00Z');
    const payload = {
      id: 'm1',
      kind: 'urge',
      day: '2026-11-23',
      district: 'dongcheng',
      recipient: { username: 'dongcheng.dc01', name: '联络员', phone: '13800000000', email: null },
      title: '催办',
      text: '…',
      url: null,
    };
    await sendWebhook(`${base}/sms`, 'whsec', payload, now);
    const r = received[0]!;
    const ts = Number(r.headers['x-sunlight-timestamp']);
    expect(ts).toBe(now.getTime() / 1000);
    const mac = crypto.createHmac('sha256', 'whsec').update(`${ts}.${r.body}`).digest('hex');
    expect(r.headers['x-sunlight-signature']).toBe(`sha256=${mac}`);
    expect(webhookSignature('whsec', ts, r.body)).toBe(`sha256=${mac}`);
    expect(JSON.parse(r.body)).toEqual(payload);
  });
});

describe('rendering', () => {
  const m = {
    titleKey: 'urge',
    titleValues: { school: '东城区第一小学', sender: '督导', count: 1 },
    lines: [{ key: 'obligationOverdue', values: { item: 'M01 学校财务收支情况', periodKey: '2026-10', due: '2026-11-10' }, href: '/school/disclosures/new?item=M01&period=2026-10' }],
    href: '/school',
  };

  it('names the item and period in Chinese, with links to the exact page', () => {
    const r = renderMessage(m, 'zh-CN');
    expect(r.title).toBe('催办：东城区第一小学（1 项逾期）');
    expect(r.lines[0]!.text).toBe('已逾期：M01 学校财务收支情况（2026年10月），截止 2026-11-10');
    const f = formats(r, 'https://sunlight.example.cn', 'zh-CN');
    expect(f.markdown).toContain('(https://sunlight.example.cn/school/disclosures/new?item=M01&period=2026-10)');
    expect(f.text).toContain('https://sunlight.example.cn/school');
    expect(renderMessage(m, 'en').lines[0]!.text).toBe('Overdue: M01 学校财务收支情况 (10/2026), due 2026-11-10');
  });

  it('escapes what users typed in HTML and markdown', () => {
    const r = renderMessage({ titleKey: 'findingRaised', titleValues: { title: '<b>x</b>](http://evil)' }, lines: [], href: null }, 'zh-CN');
    const f = formats(r, 'https://a.cn', 'zh-CN');
    expect(f.html).not.toContain('<b>x</b>');
    expect(f.markdown).toContain('\\]\\(http://evil\\)');
  });
});

describe('which channels a message takes', () => {
  const robots = [
    { id: 'r-d', kind: 'dingtalk' as const, name: '全区群', zoneId: null },
    { id: 'r-z1', kind: 'wecom' as const, name: '一片区群', zoneId: 'z1' },
  ];
  it('the zone’s robot when there is one, else the district’s', () => {
    expect(robotsFor(['z1'], robots).map((r) => r.id)).toEqual(['r-z1']);
    expect(robotsFor(['z2'], robots).map((r) => r.id)).toEqual(['r-d']);
    expect(robotsFor(null, robots).map((r) => r.id)).toEqual(['r-d']);
  });
  it('only what the user chose and the district set up', () => {
    const msg = { dedupeKey: 'urge:s:2026-11-23:u', kind: 'urge' as const };
    const who = { role: 'coordinator' as const, zoneIds: null, schoolZoneId: 'z1' };
    const all = { smtpReady: true, webhookReady: true, robots };
    expect(plannedDeliveries(msg, who, { ...DEFAULT_PREFERENCES, email: 'zhang@school.cn', byWebhook: true }, all).map((d) => `${d.channel}:${d.target}`)).toEqual([
      'email:z***@school.cn',
      'wecom:一片区群',
      'webhook:webhook',
    ]);
    expect(plannedDeliveries(msg, who, DEFAULT_PREFERENCES, { ...all, robots: [] })).toEqual([]);
    expect(plannedDeliveries(msg, who, { ...DEFAULT_PREFERENCES, email: 'a@b.cn', byEmail: false, byRobot: false }, all)).toEqual([]);
    expect(maskEmail('bad')).toBe('***');
  });
});
