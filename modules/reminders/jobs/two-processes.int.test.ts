// Exactly once across processes (issue 16): two worker processes (scripts/reminder-worker.ts)
// against one PostgreSQL run the same day's schedule at the same time; a local robot endpoint
// counts what arrives. Every message is stored once and every delivery arrives once.
// PostgreSQL only (PGlite is one process by design); skipped on PGlite.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { seededDemo, scopeOf, type SeededDemo } from '@/seed/testing';

const onPostgres = process.env.SUNLIGHT_TEST_DB === 'postgres';
let demo: SeededDemo;
let server: http.Server;
const bodies: string[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  demo = await seededDemo();
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
});

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await demo?.cleanup();
});

function worker(now: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/reminder-worker.ts', '--until-idle'], {
      cwd: process.cwd(),
      env: { ...process.env, SUNLIGHT_NOW: now, SUNLIGHT_WORKER: 'on', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe.skipIf(!onPostgres)('two worker processes, one PostgreSQL', () => {
  it('store each message once and deliver each once', async () => {
    const schema = await import('@/db/schema');
    const { addRobot } = await import('@/modules/reminders/data/admin');
    const port = (server.address() as AddressInfo).port;
    await addRobot(await scopeOf('dongcheng.admin'), { kind: 'wecom', name: '东城区群', zoneId: null, url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=k`, secret: null });
    const [a, b] = await Promise.all([worker('2026-11-23T10:00:00+08:00'), worker('2026-11-23T10:00:00+08:00')]);
    expect(a.code, a.out).toBe(0);
    expect(b.code, b.out).toBe(0);
    const [d] = await demo.client.withSystem((db) => db.select().from(schema.districts).where(eq(schema.districts.code, 'dongcheng')));
    const msgs = await demo.client.withSystem((db) =>
      db
        .select()
        .from(schema.reminderMessages)
        .where(and(eq(schema.reminderMessages.districtId, d!.id), eq(schema.reminderMessages.day, '2026-11-23'))),
    );
    expect(msgs.length).toBeGreaterThan(5);
    expect(new Set(msgs.map((m) => `${m.recipientId}:${m.kind}`)).size).toBe(msgs.length);
    const deliveries = await demo.client.withSystem((db) => db.select().from(schema.reminderDeliveries).where(eq(schema.reminderDeliveries.districtId, d!.id)));
    expect(deliveries).toHaveLength(msgs.length);
    expect(deliveries.every((x) => x.status === 'sent' && x.attempts === 1)).toBe(true);
    // What arrived: one robot message per delivery, none twice.
    expect(bodies).toHaveLength(deliveries.length);
    expect(new Set(bodies).size).toBe(bodies.length);
  });
});
