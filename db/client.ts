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
