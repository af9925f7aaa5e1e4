// Fresh databases for integration tests (`*.int.test.ts`), cloned from templates built once per run.
//
// - Default: embedded PGlite in a new temp folder (SUNLIGHT_DATA_DIR is pointed at it).
// - SUNLIGHT_TEST_DB=postgres: a new database `sl_test_<random>` on the server of TEST_DATABASE_URL
//   (DATABASE_URL is pointed at it); cleanup drops it.
//
// Templates (db/testing.global-setup.ts builds them before the first test file, with
// scripts/test-templates.ts): a migrated database and one holding the demo seed (migrated, then
// seedDemo with "today" = DEMO_NOW). A fresh database is a copy of one of them — PGlite: a copy of
// the template's data folder ($SUNLIGHT_TEST_PGLITE_TEMPLATE/<migrated|seeded>); PostgreSQL:
// `CREATE DATABASE … TEMPLATE` ($SUNLIGHT_TEST_PG_TEMPLATE names the seeded template database, the
// migrated one is `<name>_migrated`). Without a template (no global set-up, or a test whose
// TEST_DATABASE_URL points at a server of its own) the database is migrated here, and `seeded` is
// false: seed/testing.ts seededDemo() then seeds it itself.
//
// The process-wide db handle (db/client.ts) is closed first, and the cached environment is reset,
// so the next getDb()/withSystem() opens the fresh database. Use one at a time. Most tests want
// seededDemo() (seed/testing.ts) instead:
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
  /** The demo seed is in it (cloned from the seeded template). */
  seeded: boolean;
  /** Close the connection, delete the database and restore the environment. Idempotent. */
  cleanup(): Promise<void>;
}

/** The two templates, by folder (PGlite) or database-name suffix (PostgreSQL). */
export type TemplateName = 'migrated' | 'seeded';

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

export async function adminSql<T>(baseUrl: string, fn: (sql: import('postgres').Sql) => Promise<T>): Promise<T> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The URL of database `name` on the server of `base`. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** PostgreSQL: the template database to clone for `want`, if one was built on the server of `base`. */
function pgTemplate(base: string, want: TemplateName): string | null {
  const seeded = process.env.SUNLIGHT_TEST_PG_TEMPLATE;
  if (!seeded) return null;
  const t = new URL(seeded);
  const b = new URL(base);
  if (t.host !== b.host) return null; // e.g. db/pg-restart.int.test.ts: a server of its own
  const name = t.pathname.slice(1);
  return want === 'seeded' ? name : `${name}_migrated`;
}

/** PGlite: the template folder to copy for `want`, if one was built. */
function pgliteTemplate(want: TemplateName): string | null {
  const root = process.env.SUNLIGHT_TEST_PGLITE_TEMPLATE;
  if (!root) return null;
  const dir = path.join(root, want);
  return fs.existsSync(path.join(dir, 'pglite')) ? dir : null;
}

/**
 * A new database: a copy of the seeded template with `{ seeded: true }` when there is one (check
 * `.seeded`), else a copy of the migrated template, else a newly migrated database.
 */
export async function freshTestDatabase(opts: { seeded?: boolean } = {}): Promise<TestDatabase> {
  await closeDb();
  const want: TemplateName = opts.seeded ? 'seeded' : 'migrated';
  const prev = { DATABASE_URL: process.env.DATABASE_URL, SUNLIGHT_DATA_DIR: process.env.SUNLIGHT_DATA_DIR };
  let done = false;
  const restore = () => {
    setEnv('DATABASE_URL', prev.DATABASE_URL);
    setEnv('SUNLIGHT_DATA_DIR', prev.SUNLIGHT_DATA_DIR);
    resetEnvForTests();
  };

  let db: TestDatabase;
  let cloned: TemplateName | null = null;
  if (process.env.SUNLIGHT_TEST_DB === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('SUNLIGHT_TEST_DB=postgres needs TEST_DATABASE_URL (a server where databases may be created; the integration project starts one)');
    const name = `sl_test_${randomBytes(6).toString('hex')}`;
    const template = pgTemplate(base, want) ?? (want === 'seeded' ? pgTemplate(base, 'migrated') : null);
    await adminSql(base, (sql) => sql.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`));
    if (template) cloned = template.endsWith('_migrated') ? 'migrated' : 'seeded';
    const url = databaseUrl(base, name);
    setEnv('DATABASE_URL', url);
    resetEnvForTests();
    db = {
      kind: 'postgres',
      url,
      seeded: cloned === 'seeded',
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
    const template = pgliteTemplate(want) ?? (want === 'seeded' ? pgliteTemplate('migrated') : null);
    if (template) {
      fs.cpSync(template, dir, { recursive: true });
      cloned = path.basename(template) as TemplateName;
    }
    setEnv('DATABASE_URL', undefined);
    setEnv('SUNLIGHT_DATA_DIR', dir);
    resetEnvForTests();
    db = {
      kind: 'pglite',
      dataDir: dir,
      seeded: cloned === 'seeded',
      cleanup: async () => {
        if (done) return;
        done = true;
        await closeDb();
        fs.rmSync(dir, { recursive: true, force: true });
        restore();
      },
    };
  }
  if (!cloned) {
    try {
      await migrateDatabase();
    } catch (e) {
      await db.cleanup();
      throw e;
    }
  }
  return db;
}
