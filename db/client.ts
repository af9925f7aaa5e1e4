// The database, chosen once at start-up: PostgreSQL (postgres.js) when DATABASE_URL is set,
// otherwise embedded PGlite in a file folder. One instance per process, cached on globalThis.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { dataDir, env } from '@/core/env';
import * as schema from './schema';
import { acquireDirLock } from './lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbKind = 'pglite' | 'postgres';

interface Handle {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
}

const globalKey = Symbol.for('sunlight.db');
type G = typeof globalThis & { [globalKey]?: Promise<Handle> };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/**
 * drizzle's postgres.js driver sends every query unprepared; postgres.js then first asks the
 * server to describe it (a round trip of its own, Parse/Describe/Flush) before binding and running
 * it, and holds back every query pipelined behind it until then. Prepared (named, per connection,
 * described once), a query is one round trip and the queries of a `Promise.all` in a transaction
 * go out together: a district page's ≈ 30 queries cost ≈ 30 round trips fewer, which on a busy
 * machine is most of their time (issue 15 benchmark). Row-level security is unaffected: a cached
 * plan is re-checked for the role and the `app.district_id` setting of each transaction.
 * SUNLIGHT_DB_PREPARE=off turns it off (e.g. behind a pooler without prepared-statement support).
 */
const preparedMark = Symbol.for('sunlight.preparedStatements');
function preparedStatements(db: Db): void {
  // The prototype of the session this database object really uses (and its transactions: the
  // same class), not one imported here, which a bundler or test runner may load as another copy.
  type PrepareQuery = (query: unknown, fields: unknown, name: string | undefined, ...rest: unknown[]) => unknown;
  const proto = Object.getPrototypeOf((db as unknown as { session: object }).session) as { prepareQuery: PrepareQuery; [preparedMark]?: true };
  if (proto[preparedMark]) return;
  const original = proto.prepareQuery;
  // The driver prepares a query when it has a name (`name !== undefined`); the name itself is unused.
  proto.prepareQuery = function (this: unknown, query, fields, name, ...rest) {
    return original.call(this, query, fields, name ?? '', ...rest);
  };
  proto[preparedMark] = true;
}
async function open(): Promise<Handle> {
  const url = env().DATABASE_URL;
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, {
      max: env().SUNLIGHT_DB_POOL,
      onnotice: () => {},
      connection: { application_name: 'sunlight' },
      // Bounded waits when PostgreSQL is down or restarting (db/pg-restart.int.test.ts): give
      // up connecting after 5 s (default 30 s), and retry a lost connection within at most 1 s
      // (the default backoff grows to 10–20 s after a few failures, so requests kept waiting for
      // that long after the server was back).
      connect_timeout: 5,
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    });
    const db = drizzle(client, { schema }) as unknown as Db;
    if (env().SUNLIGHT_DB_PREPARE === 'on') preparedStatements(db);
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dir = path.join(dataDir(), 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const release = acquireDirLock(dir);
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(dir);
  const { drizzle } = await import('drizzle-orm/pglite');
  const db = drizzle(client, { schema }) as unknown as Db;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await client.close();
    release();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().finally(() => process.exit(0));
    });
  }
  return { db, kind: 'pglite', close };
}

export function handle(): Promise<Handle> {
  const g = globalThis as G;
  if (!g[globalKey]) {
    g[globalKey] = open().catch((e) => {
      delete g[globalKey];
      throw e;
    });
  }
  return g[globalKey]!;
}

export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

export async function closeDb(): Promise<void> {
  const g = globalThis as G;
  const h = g[globalKey];
  delete g[globalKey];
  if (h) await (await h).close();
}

/** District scope for row-level security: a district id, or '*' for platform-wide work. */
export type RlsScope = string | '*';

/**
 * Runs `fn` in a transaction as the non-superuser `sunlight_app` role with `app.district_id` set,
 * so PostgreSQL's row-level security hides every other district's rows (DESIGN §1).
 */
export async function withDistrict<T>(district: RlsScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.district_id', ${district}, true), set_config('role', 'sunlight_app', true)`);
    return fn(tx as unknown as Tx);
  });
}

/** Unscoped access as the owner: only for migrations, seeding, sign-in and health checks. */
export async function withSystem<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  return fn(await getDb());
}
