// Fresh, empty (migrated) databases for integration tests (`*.int.test.ts`).
//
// - Default: embedded PGlite in a new temp folder (SUNLIGHT_DATA_DIR is pointed at it).
// - SUNLIGHT_TEST_DB=postgres: a new database `sl_test_<random>` is created on the server of
//   TEST_DATABASE_URL and DATABASE_URL is pointed at it; cleanup drops it.
//
// The process-wide db handle (db/client.ts) is closed first, and the cached environment is reset,
// so the next getDb()/withSystem() opens the fresh database. Use one at a time:
//
//   let db: TestDatabase;
//   beforeAll(async () => { db = await freshTestDatabase(); });
//   afterAll(() => db.cleanup());
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { resetEnvForTests } from '@/core/env';
import { closeDb } from './client';
import { migrateDatabase } from './migrate';

export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  /** PostgreSQL: the URL of the fresh database (also set as DATABASE_URL). */
  url?: string;
  /** PGlite: the data folder (also set as SUNLIGHT_DATA_DIR). */
  dataDir?: string;
  /** Close the connection, delete the database and restore the environment. Idempotent. */
  cleanup(): Promise<void>;
}

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function adminSql<T>(baseUrl: string, fn: (sql: import('postgres').Sql) => Promise<T>): Promise<T> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A new empty database, migrated unless `{ migrate: false }`. */
export async function freshTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  await closeDb();
  const prev = { DATABASE_URL: process.env.DATABASE_URL, SUNLIGHT_DATA_DIR: process.env.SUNLIGHT_DATA_DIR };
  let done = false;
  const restore = () => {
    setEnv('DATABASE_URL', prev.DATABASE_URL);
    setEnv('SUNLIGHT_DATA_DIR', prev.SUNLIGHT_DATA_DIR);
    resetEnvForTests();
  };

  let db: TestDatabase;
  if (process.env.SUNLIGHT_TEST_DB === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('SUNLIGHT_TEST_DB=postgres needs TEST_DATABASE_URL (a server where databases may be created)');
    const name = `sl_test_${randomBytes(6).toString('hex')}`;
    await adminSql(base, (sql) => sql.unsafe(`create database ${name}`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    setEnv('DATABASE_URL', url.toString());
    resetEnvForTests();
    db = {
      kind: 'postgres',
      url: url.toString(),
      cleanup: async () => {
        if (done) return;
        done = true;
        await closeDb();
        await adminSql(base, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
        restore();
      },
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-test-'));
    setEnv('DATABASE_URL', undefined);
    setEnv('SUNLIGHT_DATA_DIR', dir);
    resetEnvForTests();
    db = {
      kind: 'pglite',
      dataDir: dir,
      cleanup: async () => {
        if (done) return;
        done = true;
        await closeDb();
        fs.rmSync(dir, { recursive: true, force: true });
        restore();
      },
    };
  }
  if (opts.migrate !== false) {
    try {
      await migrateDatabase();
    } catch (e) {
      await db.cleanup();
      throw e;
    }
  }
  return db;
}
