// Reminders on a real database (issue 16), PGlite by default, PostgreSQL with SUNLIGHT_TEST_DB:
// the daily schedule of dongcheng on chosen days, event messages, 催办, a failing channel retried
// with backoff then dead-lettered (and retried by the admin), and two workers that never send
// one delivery twice.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { seededDemo, scopeOf, type SeededDemo } from '@/seed/testing';

vi.mock('server-only', () => ({}));

let demo: SeededDemo;
let schema: typeof import('@/db/schema');
let runs: typeof import('./runs');
let admin: typeof import('./admin');
let urge: typeof import('./urge');
let inbox: typeof import('./inbox');
let prefs: typeof import('./preferences');
let deliver: typeof import('../jobs/deliver');
let dc: string; // dongcheng's id

// A local robot endpoint: answers 500 until told otherwise, checks DingTalk's signature.
const SECRET = 'SEC' + 'a1b2c3'.repeat(8);
let robotOk = false;
const robotCalls: { ok: boolean; signatureValid: boolean; body: string }[] = [];
let server: http.Server;
let robotUrl = '';

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  demo = await seededDemo();
  schema = await import('@/db/schema');
  runs = await import('./runs');
  admin = await import('./admin');
  urge = await import('./urge');
  inbox = await import('./inbox');
  prefs = await import('./preferences');
  deliver = await import('../jobs/deliver');
  const [d] = await demo.client.withSystem((db) => db.select().from(schema.districts).where(eq(schema.districts.code, 'dongcheng')));
  dc = d!.id;
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const ts = u.searchParams.get('timestamp') ?? '';
      const expected = crypto.createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
      const signatureValid = u.searchParams.get('sign') === expected;
      robotCalls.push({ ok: robotOk, signatureValid, body });
      if (!robotOk) return void res.writeHead(500).end('down');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(signatureValid ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  robotUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/robot/send?access_token=tok123456`;
});

afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()) ?? r());
  await demo?.cleanup();
});

async function messagesOn(day: string) {
  return demo.client.withSystem((db) =>
    db
      .select({ m: schema.reminderMessages, username: schema.users.username })
      .from(schema.reminderMessages)
      .innerJoin(schema.users, eq(schema.users.id, schema.reminderMessages.recipientId))
      .where(and(eq(schema.reminderMessages.districtId, dc), eq(schema.reminderMessages.day, day))),
  );
}

describe('the daily schedule of dongcheng on chosen days', () => {
  it('sends nothing on a Saturday, on a holiday, in the quiet hours or before the district’s hour', async () => {
    for (const t of ['2026-11-21T10:00:00+08:00', '2026-10-05T10:00:00+08:00', '2026-11-23T06:30:00+08:00', '2026-11-23T22:30:00+08:00', '2026-11-23T07:30:00+08:00']) {
      expect((await runs.runDailyIfDue(dc, at(t))).ran, t).toBe(false);
    }
    expect(await messagesOn('2026-11-21')).toEqual([]);
  });

  it('on Monday 2026-11-23 at 10:00: each coordinator with something due, and each evaluator, one digest', async () => {
    const r = await runs.runDailyIfDue(dc, at('2026-11-23T10:00:00+08:00'));
    expect(r.ran).toBe(true);
    const msgs = await messagesOn('2026-11-23');
    expect(msgs.length).toBe(r.messages);
    const by = new Map(msgs.map((x) => [x.username, x.m]));
    // dc11 has missing items (seed): its digest names them, in Chinese, with the exact page.
    const dc11 = by.get('dongcheng.dc11');
    expect(dc11?.kind).toBe('coordinatorDigest');
    const overdue = dc11!.lines.filter((l) => l.key === 'obligationOverdue');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue[0]!.href).toMatch(/^\/school\/disclosures\/new\?item=[A-Z]\d\d&period=/);
    const { renderMessage } = await import('../channels/render');
    expect(renderMessage(dc11!, 'zh-CN').lines[0]!.text).toMatch(/^已逾期：[A-Z]\d\d .+（.+），截止 \d{4}-\d\d-\d\d$/);
    // Evaluators: one digest each (the whole district, and the zone evaluator's zones).
    expect(by.get('dongcheng.eval')?.kind).toBe('evaluatorDigest');
    expect(by.get('dongcheng.eval.z1')?.kind).toBe('evaluatorDigest');
    // Leaders: the weekly digest is off by default.
    expect([...by.keys()].some((u) => u.includes('leader'))).toBe(false);
    // Exactly one per recipient, kind and day.
    expect(new Set(msgs.map((x) => `${x.m.recipientId}:${x.m.kind}`)).size).toBe(msgs.length);
  });

  it('runs once a day: again at 15:00 or forced, nothing more is stored', async () => {
    const before = (await messagesOn('2026-11-23')).length;
    expect((await runs.runDailyIfDue(dc, at('2026-11-23T15:00:00+08:00'))).ran).toBe(false);
    await demo.client.withSystem((db) => db.delete(schema.reminderRuns).where(eq(schema.reminderRuns.districtId, dc)));
    const again = await runs.runDailyIfDue(dc, at('2026-11-23T15:00:00+08:00'));
    expect(again).toMatchObject({ ran: true, messages: 0 });
    expect((await messagesOn('2026-11-23')).length).toBe(before);
  });

  it('after a holiday week the report of Q3 is "due soon" (2026-10-08) and the leaders get their weekly digest when enabled', async () => {
    const leader = await scopeOf('dongcheng.admin');
    const { DEFAULT_REMINDER_SETTINGS } = await import('../domain/types');
    await admin.saveSchedule(leader, { ...DEFAULT_REMINDER_SETTINGS, leaderWeekly: true });
    const r = await runs.runDailyIfDue(dc, at('2026-10-08T09:00:00+08:00'));
    expect(r.ran).toBe(true);
    const msgs = await messagesOn('2026-10-08');
    const weekly = msgs.filter((x) => x.m.kind === 'leaderWeekly');
    expect(weekly.map((x) => x.username)).toEqual(['dongcheng.leader']);
    expect(weekly[0]!.m.lines.map((l) => l.key)).toEqual(['weeklyFigures', 'weeklyReports', 'weeklyChanges']);
    expect(msgs.some((x) => x.m.lines.some((l) => l.key === 'reportDueSoon' && l.values.quarter === 3))).toBe(true);
    await admin.saveSchedule(leader, DEFAULT_REMINDER_SETTINGS);
  });

  it('never sends anything about a survey respondent (no free text of any answer appears)', async () => {
    const texts = await demo.client.withSystem((db) => db.execute(sql`select free_text from survey_responses where free_text is not null and length(free_text) > 4 limit 200`));
    const list = (Array.isArray(texts) ? texts : (texts as unknown as { rows: { free_text: string }[] }).rows) as { free_text: string }[];
    const all = JSON.stringify(await demo.client.withSystem((db) => db.select().from(schema.reminderMessages)));
    for (const t of list) expect(all.includes(t.free_text)).toBe(false);
    expect(all).not.toMatch(/survey|问卷/i);
  });
});

describe('events and 催办', () => {
  it('a report returned reaches the school’s coordinator once, however often the worker looks', async () => {
    const ev = await scopeOf('dongcheng.eval');
    const { transitionReport } = await import('@/modules/reports/data/review-actions');
    const [rep] = await demo.client.withSystem((db) =>
      db
        .select({ id: schema.quarterlyReports.id, version: schema.quarterlyReports.version, schoolId: schema.quarterlyReports.schoolId })
        .from(schema.quarterlyReports)
        .where(and(eq(schema.quarterlyReports.districtId, dc), eq(schema.quarterlyReports.state, 'submitted')))
        .limit(1),
    );
    await transitionReport(ev, { reportId: rep!.id, action: 'return', reason: '请补充M01的公开照片', version: rep!.version });
    const t = at('2026-11-23T10:05:00+08:00');
    const first = await runs.processEvents(dc, t);
    const second = await runs.processEvents(dc, t);
    expect(first.messages).toBeGreaterThanOrEqual(1);
    expect(second.messages).toBe(0);
    const [coord] = await demo.client.withSystem((db) =>
      db
        .select()
        .from(schema.users)
        .where(and(eq(schema.users.schoolId, rep!.schoolId), eq(schema.users.role, 'coordinator'))),
    );
    const box = await inbox.inbox(await scopeOf(coord!.username));
    const returned = box.messages.filter((m) => m.kind === 'reportReturned');
    expect(returned).toHaveLength(1);
    expect(returned[0]!.lines[0]!.values.reason).toBe('请补充M01的公开照片');
  });

  it('催办 from an evaluator: only schools in scope, exactly the overdue items, at most once per school and day, audited', async () => {
    const z1 = await scopeOf('dongcheng.eval.z1');
    const ev = await scopeOf('dongcheng.eval');
    const schoolRows = await demo.client.withSystem((db) => db.select().from(schema.schools).where(eq(schema.schools.districtId, dc)));
    const byCode = new Map(schoolRows.map((s) => [s.code, s]));
    const outside = schoolRows.find((s) => s.zoneId !== byCode.get('dc01')!.zoneId)!;
    const z1Scope = z1.zoneIds!;
    const inZone = schoolRows.find((s) => s.zoneId && z1Scope.includes(s.zoneId) && s.code === 'dc11') ?? schoolRows.find((s) => s.zoneId && z1Scope.includes(s.zoneId))!;
    if (outside.zoneId && !z1Scope.includes(outside.zoneId)) await expect(urge.urgeSchools(z1, [inZone.id, outside.id])).rejects.toMatchObject({ code: 'notFound' });
    const r = await urge.urgeSchools(ev, [byCode.get('dc11')!.id, byCode.get('dc01')!.id]);
    expect(r.sent).toContain('dc11');
    const again = await urge.urgeSchools(ev, [byCode.get('dc11')!.id]);
    expect(again).toEqual({ sent: [], already: ['dc11'], nothing: [] });
    const history = await urge.schoolUrges(await scopeOf('dongcheng.dc11'));
    expect(history).toHaveLength(1);
    expect(history[0]!.items.length).toBeGreaterThan(0);
    const box = await inbox.inbox(await scopeOf('dongcheng.dc11'));
    const msg = box.messages.find((m) => m.kind === 'urge')!;
    expect(msg.lines.map((l) => l.key).every((k) => ['obligationOverdue', 'reportOverdue', 'findingOverdue'].includes(k))).toBe(true);
    expect(msg.lines.length).toBe(history[0]!.items.length);
    const audits = await demo.client.withSystem((db) =>
      db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.entity, 'school'), eq(schema.auditLog.action, 'urge'))),
    );
    expect(audits.map((a) => a.entityId)).toContain(byCode.get('dc11')!.id);
    // Another school's coordinator cannot read dc11's history.
    await expect(urge.schoolUrges(await scopeOf('dongcheng.dc02'), byCode.get('dc11')!.id)).resolves.toEqual([]);
    // Mark read: one's own message only.
    await expect(inbox.markRead(await scopeOf('dongcheng.dc02'), msg.id)).rejects.toMatchObject({ code: 'notFound' });
    await inbox.markRead(await scopeOf('dongcheng.dc11'), msg.id);
    expect((await inbox.inbox(await scopeOf('dongcheng.dc11'))).messages.find((m) => m.id === msg.id)!.readAt).not.toBeNull();
  });
});

describe('a failing channel', () => {
  it('is retried with backoff, then dead-lettered; the admin sees it and retries it; sent once with a valid DingTalk signature', async () => {
    const adm = await scopeOf('dongcheng.admin');
    await admin.addRobot(adm, { kind: 'dingtalk', name: '东城区督导群', zoneId: null, url: robotUrl, secret: SECRET });
    const page = await admin.reminderAdmin(adm);
    expect(JSON.stringify(page)).not.toContain('tok123456');
    expect(JSON.stringify(page)).not.toContain(SECRET);
    const [stored] = await demo.client.withSystem((db) => db.select().from(schema.reminderRobots).where(eq(schema.reminderRobots.districtId, dc)));
    expect(stored!.urlEnc).not.toContain('tok123456');
    expect(stored!.secretEnc).not.toContain(SECRET);

    const ev = await scopeOf('dongcheng.eval');
    const [dc19] = await demo.client.withSystem((db) =>
      db
        .select()
        .from(schema.schools)
        .where(and(eq(schema.schools.districtId, dc), eq(schema.schools.code, 'dc19'))),
    );
    expect((await urge.urgeSchools(ev, [dc19!.id])).sent).toEqual(['dc19']);
    const [d] = await demo.client.withSystem((db) =>
      db
        .select()
        .from(schema.reminderDeliveries)
        .innerJoin(schema.reminderMessages, eq(schema.reminderMessages.id, schema.reminderDeliveries.messageId))
        .where(and(eq(schema.reminderMessages.schoolId, dc19!.id), eq(schema.reminderMessages.kind, 'urge'))),
    );
    const id = d!.reminder_deliveries.id;
    // The delivery's own first attempt time (the app clock starts at the demo's 10:00 and runs).
    let t = d!.reminder_deliveries.nextAttemptAt;
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await deliver.deliverOne(dc, id, () => t);
      seen.push(r.status);
      if (r.status === 'dead') break;
      if (r.status === 'retry') {
        // Not before its time: a second attempt now is skipped.
        expect((await deliver.deliverOne(dc, id, () => t)).status).toBe('skipped');
        t = r.nextAttemptAt;
      }
    }
    expect(seen).toEqual(['retry', 'retry', 'retry', 'retry', 'dead']);
    const log = await admin.deliveryLog(adm);
    const dead = log.dead.find((x) => x.id === id)!;
    expect(dead).toMatchObject({ channel: 'dingtalk', attempts: 5, lastError: 'HTTP 500', status: 'dead' });

    robotOk = true;
    robotCalls.length = 0;
    expect(await admin.retryDead(adm, id)).toBe(1);
    expect((await deliver.deliverOne(dc, id, () => t)).status).toBe('sent');
    expect((await deliver.deliverOne(dc, id, () => t)).status).toBe('skipped');
    expect(robotCalls).toHaveLength(1);
    expect(robotCalls[0]!.signatureValid).toBe(true);
    expect(JSON.parse(robotCalls[0]!.body).markdown.text).toContain('催办');
    await expect(admin.retryDead(adm, id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(admin.retryDead(await scopeOf('xishan.admin'), id)).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('two workers', () => {
  it('store each message once and send each delivery once', async () => {
    const { ReminderWorker } = await import('../jobs/worker');
    const { InProcessQueue, PgBossQueue } = await import('../jobs/queue');
    const adm = await scopeOf('dongcheng.admin');
    await admin.saveSmtp(adm, { host: 'smtp.example.cn', port: 25, tls: 'none', user: '', password: '', clearPassword: false, from: 'noreply@example.cn' });
    await admin.addRobot(adm, { kind: 'wecom', name: '东城区企业微信群', zoneId: null, url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: null });
    for (const u of ['dongcheng.dc11', 'dongcheng.dc19', 'dongcheng.eval']) {
      await prefs.savePreferences(await scopeOf(u), { email: `${u.split('.')[1]}@example.cn`, phone: null, byEmail: true, byRobot: true, byWebhook: false });
    }
    const sends = new Map<string, number>();
    const sender = async (_channel: string, p: { deliveryId: string }) => {
      sends.set(p.deliveryId, (sends.get(p.deliveryId) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
    };
    const clock = () => at('2026-11-24T10:00:00+08:00');
    const url = process.env.DATABASE_URL;
    const make = () => new ReminderWorker({ now: clock, sender, queue: url ? new PgBossQueue(url, { pollSeconds: 0.5 }) : new InProcessQueue(3_600_000) });
    const [w1, w2] = [make(), make()];
    try {
      await Promise.all([w1.start(), w2.start()]);
      await Promise.all([w1.tick(), w2.tick(), w1.tick()]);
      const pending = async () =>
        Number(
          (
            await demo.client.withSystem((db) =>
              db
                .select({ n: sql<number>`count(*)::int` })
                .from(schema.reminderDeliveries)
                .where(and(eq(schema.reminderDeliveries.districtId, dc), sql`${schema.reminderDeliveries.status} in ('pending','sending','retry')`)),
            )
          )[0]!.n,
        );
      for (let i = 0; i < 600 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await pending()).toBe(0);
    } finally {
      await Promise.all([w1.stop(), w2.stop()]);
    }
    const msgs = await messagesOn('2026-11-24');
    expect(msgs.length).toBeGreaterThan(0);
    expect(new Set(msgs.map((x) => `${x.m.recipientId}:${x.m.kind}`)).size).toBe(msgs.length);
    const deliveries = await demo.client.withSystem((db) =>
      db
        .select({ id: schema.reminderDeliveries.id, status: schema.reminderDeliveries.status, messageId: schema.reminderDeliveries.messageId })
        .from(schema.reminderDeliveries)
        .innerJoin(schema.reminderMessages, eq(schema.reminderMessages.id, schema.reminderDeliveries.messageId))
        .where(eq(schema.reminderMessages.day, '2026-11-24')),
    );
    // Everyone by the district's robot(s), and dc11, dc19 and the evaluator by e-mail too.
    expect(deliveries.length).toBeGreaterThanOrEqual(msgs.length + 3);
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    for (const d of deliveries) expect(sends.get(d.id), `delivery ${d.id}`).toBe(1);
  });
});

describe('quiet hours', () => {
  it('a 催办 at 23:00 is in the inbox at once; its robot message waits until 07:00', async () => {
    const { resetEnvForTests } = await import('@/core/env');
    const saved = process.env.SUNLIGHT_NOW;
    process.env.SUNLIGHT_NOW = '2026-11-24T23:00:00+08:00';
    resetEnvForTests();
    try {
      const [dc11] = await demo.client.withSystem((db) =>
        db
          .select()
          .from(schema.schools)
          .where(and(eq(schema.schools.districtId, dc), eq(schema.schools.code, 'dc11'))),
      );
      expect((await urge.urgeSchools(await scopeOf('dongcheng.eval'), [dc11!.id])).sent).toEqual(['dc11']);
      const box = await inbox.inbox(await scopeOf('dongcheng.dc11'));
      const msg = box.messages.find((m) => m.kind === 'urge' && m.day === '2026-11-24')!;
      expect(msg).toBeDefined();
      const ds = await demo.client.withSystem((db) => db.select().from(schema.reminderDeliveries).where(eq(schema.reminderDeliveries.messageId, msg.id)));
      expect(ds.length).toBeGreaterThan(0);
      for (const d of ds) {
        expect(d.nextAttemptAt.toISOString()).toBe(at('2026-11-25T07:00:00+08:00').toISOString());
        expect((await deliver.deliverOne(dc, d.id, () => at('2026-11-24T23:30:00+08:00'))).status).toBe('skipped');
      }
      expect((await runs.dueDeliveries(at('2026-11-25T06:59:00+08:00'))).some((x) => x.id === ds[0]!.id)).toBe(false);
      expect((await runs.dueDeliveries(at('2026-11-25T07:00:00+08:00'))).some((x) => x.id === ds[0]!.id)).toBe(true);
    } finally {
      process.env.SUNLIGHT_NOW = saved;
      resetEnvForTests();
    }
  });
});
