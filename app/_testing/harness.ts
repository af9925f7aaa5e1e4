// Test harness for calling the app's server actions and route handlers directly, in vitest
// (issue 8: isolation matrix and fuzzing). Not routed: folders starting with "_" are private.
//
// A test file mocks Next's request-bound modules with the factories below and sets
// `harness.scope` to the caller it wants to be; the real actions then run against the real
// data layer and database. A row-level change log (triggers, installed as superuser) records
// every row any request inserts, updates or deletes, with its district and school, so a test
// can prove "nothing changed" and "nothing of district B changed" cheaply and exactly.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Scope } from '@/core/scope';
import * as demo from '@/seed/testing';

/** The scope of a demo user (seed/testing.ts). */
export function scopeOf(username: string): Promise<Scope> {
  return demo.scopeOf(username);
}

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Mutable request context read by the mocks. */
export const harness: { scope: Scope | null; headers: Headers; cookies: Map<string, string> } = {
  scope: null,
  headers: new Headers({ 'x-forwarded-for': '203.0.113.7' }),
  cookies: new Map(),
};

/** Thrown by the mocked redirect()/notFound(), like Next's own control-flow errors. */
export class NextControl extends Error {
  constructor(
    readonly kind: 'redirect' | 'notFound',
    readonly url?: string,
  ) {
    super(`NEXT_${kind.toUpperCase()}${url ? ` ${url}` : ''}`);
  }
}

// Factories for vi.mock (each test file: `vi.mock('next/cache', () => mocks.nextCache())` …).
export const mocks = {
  serverOnly: () => ({}),
  nextCache: () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }),
  nextNavigation: () => ({
    redirect: (url: string) => {
      throw new NextControl('redirect', url);
    },
    permanentRedirect: (url: string) => {
      throw new NextControl('redirect', url);
    },
    notFound: () => {
      throw new NextControl('notFound');
    },
    unstable_rethrow: (e: unknown) => {
      if (e instanceof NextControl) throw e;
    },
  }),
  nextHeaders: () => ({
    headers: async () => harness.headers,
    cookies: async () => ({
      get: (name: string) => (harness.cookies.has(name) ? { name, value: harness.cookies.get(name)! } : undefined),
      getAll: () => [...harness.cookies].map(([name, value]) => ({ name, value })),
      has: (name: string) => harness.cookies.has(name),
      set: (name: string, value: string) => void harness.cookies.set(name, value),
      delete: (name: string) => void harness.cookies.delete(name),
    }),
  }),
  /** next-intl's server helpers outside a Next request: the real zh-CN messages. */
  nextIntlServer: async () => {
    const { createTranslator } = await import('next-intl');
    const { loadMessages } = await import('@/core/i18n/messages');
    const messages = loadMessages('zh-CN');
    return {
      getTranslations: async (opts?: string | { locale?: string; namespace?: string }) =>
        createTranslator({ locale: 'zh-CN', messages, namespace: (typeof opts === 'string' ? opts : opts?.namespace) as never }),
      getLocale: async () => 'zh-CN',
      getMessages: async () => messages,
    };
  },
  /** core/auth/session.ts: the caller is `harness.scope` on every path (cookie or token). */
  session: () => ({
    currentUser: async () => harness.scope,
    getScope: async () => (harness.scope?.mustChangePassword ? null : harness.scope),
    requestCaller: async () => (!harness.scope ? { refusal: 'anonymous' } : harness.scope.mustChangePassword ? { refusal: 'mustChangePassword' } : { scope: harness.scope }),
    requirePageScope: async () => {
      if (!harness.scope) throw new NextControl('redirect', '/login');
      return harness.scope;
    },
    ROLE_HOME: { coordinator: '/school', evaluator: '/review', leader: '/overview', districtAdmin: '/admin', platformAdmin: '/platform' },
  }),
};

// ---------------------------------------------------------------------------------------------
// Enumeration: every server action and route handler of the app, found on disk.

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p, out);
    } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Files starting with the 'use server' directive, relative to the repository root. */
export function serverActionFiles(): string[] {
  return [...walk(path.join(ROOT, 'app')), ...walk(path.join(ROOT, 'core')), ...walk(path.join(ROOT, 'modules'))]
    .filter((f) => /^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(ROOT, f))
    .sort();
}

/** Every route.ts under app/, relative to the repository root. */
export function routeHandlerFiles(): string[] {
  return walk(path.join(ROOT, 'app'))
    .filter((f) => path.basename(f) === 'route.ts')
    .map((f) => path.relative(ROOT, f))
    .sort();
}

export type AnyFn = (...args: unknown[]) => Promise<unknown>;

/** `file#export` → the exported async function, for every server action file. */
export async function loadActions(): Promise<Map<string, AnyFn>> {
  const out = new Map<string, AnyFn>();
  for (const file of serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') out.set(`${file}#${name}`, value as AnyFn);
  }
  return out;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** `file#METHOD` → handler, for every route handler file. */
export async function loadRouteHandlers(): Promise<Map<string, AnyFn>> {
  const out = new Map<string, AnyFn>();
  for (const file of routeHandlerFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const m of METHODS) if (typeof mod[m] === 'function') out.set(`${file}#${m}`, mod[m] as AnyFn);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Outcomes.

/** States a refused request ends in (no write may have happened). */
const REFUSALS = new Set(['forbidden', 'notFound', 'invalid', 'conflict', 'stale', 'locked', 'error', 'wrongState', 'rateLimited', 'refused', 'fileInvalid', 'needsConfirm', 'hasDisclosures']);

export type Outcome = { kind: 'refused' | 'succeeded' | 'unknown'; detail: string };

/** Classifies what an action returned or threw. Unexpected exceptions are rethrown. */
export async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const r = await call();
    if (r === undefined || r === null) return { kind: 'unknown', detail: 'void' };
    if (r instanceof Response) return { kind: r.status >= 400 ? 'refused' : 'succeeded', detail: `HTTP ${r.status}` };
    const o = r as { status?: unknown; ok?: unknown };
    if (typeof o.status === 'string') return { kind: REFUSALS.has(o.status) ? 'refused' : 'succeeded', detail: o.status };
    if (o.ok === false) return { kind: 'refused', detail: 'ok:false' };
    if (o.ok === true) return { kind: 'succeeded', detail: 'ok:true' };
    return { kind: 'unknown', detail: JSON.stringify(r).slice(0, 80) };
  } catch (e) {
    if (e instanceof NextControl) return e.kind === 'notFound' ? { kind: 'refused', detail: 'notFound()' } : { kind: 'succeeded', detail: `redirect ${e.url}` };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Change log: a row-level trigger on every table (as superuser).

type Client = typeof import('@/db/client');

/** Tables whose writes are expected even for refused requests (counting attempts). */
const UNLOGGED = new Set(['rate_limits', '__drizzle_migrations']);

export async function installChangeLog(client: Client): Promise<void> {
  await client.withSystem(async (db) => {
    await db.execute(
      sql.raw(`CREATE TABLE IF NOT EXISTS test_change_log (
        id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, district_id text, school_id text)`),
    );
    await db.execute(
      sql.raw(`
      CREATE OR REPLACE FUNCTION test_log_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      DECLARE r jsonb;
      BEGIN
        FOREACH r IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)] WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)] ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END) LOOP
          INSERT INTO test_change_log (tbl, op, district_id, school_id) VALUES (
            TG_TABLE_NAME, TG_OP,
            coalesce(r->>'district_id', CASE WHEN TG_TABLE_NAME = 'districts' THEN r->>'id' END),
            coalesce(r->>'school_id', CASE WHEN TG_TABLE_NAME = 'schools' THEN r->>'id' END));
        END LOOP;
        RETURN NULL;
      END $$;`),
    );
    const tables = (await db.execute(sql`select tablename from pg_tables where schemaname = 'public' and tablename <> 'test_change_log'`)) as unknown as
      { tablename: string }[] | { rows: { tablename: string }[] };
    const list = Array.isArray(tables) ? tables : tables.rows;
    for (const { tablename } of list) {
      if (UNLOGGED.has(tablename)) continue;
      await db.execute(sql.raw(`DROP TRIGGER IF EXISTS test_change_log ON "${tablename}"`));
      await db.execute(sql.raw(`CREATE TRIGGER test_change_log AFTER INSERT OR UPDATE OR DELETE ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION test_log_change()`));
    }
  });
}

export interface Change {
  id: number;
  tbl: string;
  op: string;
  district_id: string | null;
  school_id: string | null;
}

export async function changeMark(client: Client): Promise<number> {
  const r = (await client.withSystem((db) => db.execute(sql`select coalesce(max(id), 0)::int as id from test_change_log`))) as unknown as { id: number }[] | { rows: { id: number }[] };
  return (Array.isArray(r) ? r : r.rows)[0]!.id;
}

export async function changesSince(client: Client, mark: number): Promise<Change[]> {
  const r = (await client.withSystem((db) => db.execute(sql`select id::int as id, tbl, op, district_id, school_id from test_change_log where id > ${mark} order by id`))) as unknown as
    Change[] | { rows: Change[] };
  return Array.isArray(r) ? r : r.rows;
}

// ---------------------------------------------------------------------------------------------
// Scopes and targets on the demo seed.

/**
 * Fuzzed requests may legitimately disable a user, reset a password or move a coordinator; this
 * puts the demo accounts the tests act as back in order (as superuser; not logged).
 */
export async function restoreDemoUsers(client: Client): Promise<void> {
  await client.withSystem(async (db) => {
    await db.execute(sql`create table if not exists test_users_snapshot as select id, role, school_id, district_id, disabled, must_change_password from users`);
    await db.execute(sql`alter table users disable trigger test_change_log`);
    await db.execute(
      sql`update users u set role = s.role, school_id = s.school_id, district_id = s.district_id, disabled = s.disabled, must_change_password = s.must_change_password
          from test_users_snapshot s where s.id = u.id`,
    );
    await db.execute(sql`alter table users enable trigger test_change_log`);
  });
}

/** Ids of one school's (and its district's) records: what an attacker would put in a payload. */
export interface Target {
  label: string;
  districtCode: string;
  districtId: string;
  schoolId: string;
  schoolCode: string;
  zoneId: string;
  userId: string;
  coordinatorUserId: string;
  disclosureId: string;
  disclosureVersion: number;
  reportId: string;
  reportVersion: number;
  eventId: string;
  noMatterId: string;
  findingId: string;
  rejectionId: string;
  evidenceId: string;
  surveyId: string;
  batchId: string;
  snapshotId: string;
  objectionId: string;
  tokenId: string;
  templateId: string;
  holidayDay: string;
  itemCode: string;
  periodKey: string;
  year: number;
  quarter: number;
  /** Reminders (issue 16): a message to the coordinator, a dead delivery of it, a robot. */
  messageId: string;
  deliveryId: string;
  robotId: string;
}

async function one<T>(client: Client, query: ReturnType<typeof sql>, what: string): Promise<T> {
  const r = (await client.withSystem((db) => db.execute(query))) as unknown as T[] | { rows: T[] };
  const row = (Array.isArray(r) ? r : r.rows)[0];
  if (!row) throw new Error(`harness: no ${what} in the seed`);
  return row;
}

/**
 * The records of `schoolCode` in `districtCode`. Creates what the seed lacks (a published
 * ranking notice with an objection, an API token) through the data layer, as the owner would.
 */
export async function resolveTarget(label: string, districtCode: string, schoolCode: string): Promise<Target> {
  const client = await import('@/db/client');
  const s = await import('@/db/schema');
  const [d] = await client.withSystem((db) => db.select().from(s.districts).where(eq(s.districts.code, districtCode)));
  const [school] = await client.withSystem((db) =>
    db
      .select()
      .from(s.schools)
      .where(and(eq(s.schools.districtId, d!.id), eq(s.schools.code, schoolCode))),
  );
  if (!d || !school) throw new Error(`harness: no ${districtCode}/${schoolCode}`);
  const sid = school.id;
  const did = d.id;
  const coordinator = await one<{ id: string }>(client, sql`select id from users where school_id = ${sid} and role = 'coordinator' limit 1`, 'coordinator');
  const disclosure = await one<{ id: string; version: number; item_code: string; period_key: string; year: number; quarter: number }>(
    client,
    sql`select id, version, item_code, period_key, year, quarter from disclosures where school_id = ${sid} and deleted_at is null order by year desc, quarter desc, id limit 1`,
    'disclosure',
  );
  const report = await one<{ id: string; version: number }>(
    client,
    sql`select id, version from quarterly_reports where school_id = ${sid} and state <> 'draft' order by year desc, quarter desc limit 1`,
    'submitted report',
  );
  const event = await one<{ id: string }>(
    client,
    sql`select e.id from declared_events e join schools sc on sc.id = e.school_id where sc.district_id = ${did} and e.deleted_at is null order by (e.school_id = ${sid}) desc, e.year desc limit 1`,
    'declared event',
  );
  const noMatter = await one<{ id: string }>(
    client,
    sql`select n.id from no_matter_statements n join schools sc on sc.id = n.school_id where sc.district_id = ${did} and n.deleted_at is null order by (n.school_id = ${sid}) desc, n.year desc limit 1`,
    'no-matter statement',
  );
  const finding = await one<{ id: string }>(client, sql`select id from findings where district_id = ${did} order by (school_id = ${sid}) desc limit 1`, 'finding');
  const rejection = await one<{ id: string }>(client, sql`select id from disclosure_rejections where district_id = ${did} limit 1`, 'rejection');
  const survey = await one<{ id: string }>(client, sql`select id from surveys where district_id = ${did} order by year desc limit 1`, 'survey');
  const batch = await one<{ id: string }>(client, sql`select id from survey_code_batches where district_id = ${did} order by (school_id = ${sid}) desc limit 1`, 'code batch');
  const holiday = await one<{ day: string }>(client, sql`select day::text as day from holidays where district_id = ${did} limit 1`, 'holiday');
  const template = await one<{ id: string }>(client, sql`select id from checklist_templates order by code limit 1`, 'checklist template');
  const zone = await one<{ id: string }>(client, sql`select id from zones where district_id = ${did} order by (id = ${school.zoneId}) desc limit 1`, 'zone');

  // A published 公示 for last year with one objection, and an API token of the coordinator.
  const { publishNotice } = await import('@/modules/ranking/data/workflow');
  const { lodgeObjection } = await import('@/modules/ranking/data/notice-public');
  const { createToken } = await import('@/core/auth/tokens');
  const evaluator = await one<{ username: string }>(client, sql`select username from users where district_id = ${did} and role = 'evaluator' order by username limit 1`, 'evaluator');
  const evalScope = await scopeOf(evaluator.username);
  const year = disclosure.year;
  let snapshot = await client.withSystem((db) => db.execute(sql`select id from ranking_snapshots where district_id = ${did} order by version desc limit 1`));
  let snapRows = (Array.isArray(snapshot) ? snapshot : (snapshot as unknown as { rows: { id: string }[] }).rows) as { id: string }[];
  if (!snapRows[0]) {
    await publishNotice(evalScope, year - 1);
    snapshot = await client.withSystem((db) => db.execute(sql`select id from ranking_snapshots where district_id = ${did} order by version desc limit 1`));
    snapRows = (Array.isArray(snapshot) ? snapshot : (snapshot as unknown as { rows: { id: string }[] }).rows) as { id: string }[];
  }
  await lodgeObjection(districtCode, year - 1, { text: '公示异议：测试用的异议内容。', contact: '' }, `198.51.100.${label.length}`);
  const objection = await one<{ id: string }>(client, sql`select id from ranking_objections where district_id = ${did} order by created_at desc limit 1`, 'objection');
  const coordScope = await (async () => {
    const [u] = await client.withSystem((db) => db.select({ username: s.users.username }).from(s.users).where(eq(s.users.id, coordinator.id)));
    return scopeOf(u!.username);
  })();
  const token = await createToken(evalScope, `harness ${label}`);
  // Evidence: the seed has none, so the coordinator links one to the newest disclosure.
  const { addEvidenceLink } = await import('@/modules/disclosures/data/evidence');
  const linked = await addEvidenceLink(coordScope, { ownerType: 'disclosure', ownerId: disclosure.id, url: 'https://example.org/notice.html' });
  if (!linked.ok) throw new Error(`harness: could not link evidence (${linked.reason})`);
  const evidence = await one<{ id: string }>(client, sql`select id from evidence_files where district_id = ${did} order by (school_id = ${sid}) desc limit 1`, 'evidence file');
  // Reminders: a group robot of the district, a message to the coordinator and a dead delivery.
  const { addRobot } = await import('@/modules/reminders/data/admin');
  const robotId = await addRobot(await scopeOf(`${districtCode}.admin`), {
    kind: 'dingtalk',
    name: `harness ${label}`,
    zoneId: null,
    url: 'https://oapi.dingtalk.com/robot/send?access_token=harness',
    secret: null,
  });
  const [message] = await client.withSystem((db) =>
    db
      .insert(s.reminderMessages)
      .values({ districtId: did, recipientId: coordinator.id, schoolId: sid, kind: 'test', day: '2026-11-23', dedupeKey: `harness:${label}`, titleKey: 'test', titleValues: {}, lines: [], href: null })
      .returning({ id: s.reminderMessages.id }),
  );
  const [delivery] = await client.withSystem((db) =>
    db
      .insert(s.reminderDeliveries)
      .values({
        districtId: did,
        messageId: message!.id,
        channel: 'dingtalk',
        robotId,
        target: 'harness',
        dedupeKey: `harness:${label}|robot`,
        status: 'dead',
        attempts: 5,
        nextAttemptAt: new Date(),
        lastError: 'HTTP 500',
      })
      .returning({ id: s.reminderDeliveries.id }),
  );

  return {
    label,
    districtCode,
    districtId: did,
    schoolId: sid,
    schoolCode,
    zoneId: zone.id,
    userId: coordinator.id,
    coordinatorUserId: coordinator.id,
    disclosureId: disclosure.id,
    disclosureVersion: disclosure.version,
    reportId: report.id,
    reportVersion: report.version,
    eventId: event.id,
    noMatterId: noMatter.id,
    findingId: finding.id,
    rejectionId: rejection.id,
    evidenceId: evidence.id,
    surveyId: survey.id,
    batchId: batch.id,
    snapshotId: snapRows[0]!.id,
    objectionId: objection.id,
    tokenId: token.id,
    templateId: template.id,
    holidayDay: holiday.day,
    itemCode: disclosure.item_code,
    periodKey: disclosure.period_key,
    year: disclosure.year,
    quarter: disclosure.quarter,
    messageId: message!.id,
    deliveryId: delivery!.id,
    robotId,
  };
}

/** FormData from a plain record; arrays become repeated fields. */
export function form(values: Record<string, string | number | boolean | readonly string[] | Blob>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) for (const x of v) fd.append(k, String(x));
    else if (v instanceof Blob) fd.append(k, v, 'upload.bin');
    else fd.append(k, String(v));
  }
  return fd;
}
