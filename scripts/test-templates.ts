// Builds the integration tests' template databases (see db/testing.ts), once per test run:
// `migrated` (all migrations) and `seeded` (migrated + the demo seed, with "today" = DEMO_NOW).
//
//   tsx scripts/test-templates.ts pglite DIR           → DIR/migrated, DIR/seeded (PGlite data folders)
//   tsx scripts/test-templates.ts postgres URL NAME    → databases NAME_migrated and NAME on URL's server
//
// db/testing.global-setup.ts runs it before the first integration test file; scripts/test.sh runs
// the PGlite one before the integration tests and hands it to them and to the e2e server
// (scripts/e2e-server.mjs copies DIR/seeded), so the demo is seeded once per suite run.
// Its own process: the app's modules read the environment once, and PGlite's memory is freed after.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import path from 'node:path';
import { resetEnvForTests } from '@/core/env';
import { closeDb, getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { adminSql, databaseUrl } from '@/db/testing';
import { seedDemo } from '@/seed/demo';
import { DEMO_NOW } from '@/seed/testing';

async function into(vars: Record<string, string | undefined>, fn: () => Promise<void>): Promise<void> {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
  try {
    await fn();
  } finally {
    await closeDb();
  }
}

async function seed(): Promise<void> {
  const db = await getDb();
  const summary = await seedDemo(db);
  if (!summary.seeded) throw new Error('the template was seeded already');
  // Planner statistics, as any database in use has them (autovacuum would add them to the template
  // at some point of a run anyway): every copy then plans its queries the same way.
  await db.execute(sql`analyze`);
}

async function main(): Promise<void> {
  const [kind, ...args] = process.argv.slice(2);
  process.env.SUNLIGHT_NOW = DEMO_NOW;
  const started = Date.now();
  if (kind === 'pglite' && args[0]) {
    const root = path.resolve(args[0]);
    const migrated = path.join(root, 'migrated');
    const seeded = path.join(root, 'seeded');
    fs.mkdirSync(migrated, { recursive: true });
    await into({ DATABASE_URL: undefined, SUNLIGHT_DATA_DIR: migrated }, migrateDatabase);
    fs.cpSync(migrated, seeded, { recursive: true });
    await into({ DATABASE_URL: undefined, SUNLIGHT_DATA_DIR: seeded }, seed);
    // What the e2e server checks before it copies `seeded` instead of seeding (scripts/e2e-server.mjs).
    fs.writeFileSync(path.join(root, 'template.json'), `${JSON.stringify({ now: DEMO_NOW }, null, 2)}\n`);
  } else if (kind === 'postgres' && args[0] && /^[a-z_][a-z0-9_]*$/.test(args[1] ?? '')) {
    const [server, name] = args as [string, string];
    await adminSql(server, (sql) => sql.unsafe(`create database ${name}_migrated`));
    await into({ DATABASE_URL: databaseUrl(server, `${name}_migrated`) }, migrateDatabase);
    await adminSql(server, (sql) => sql.unsafe(`create database ${name} template ${name}_migrated`));
    await into({ DATABASE_URL: databaseUrl(server, name) }, seed);
  } else {
    throw new Error('usage: test-templates.ts pglite DIR | postgres URL NAME');
  }
  console.log(`test templates (${kind}) built in ${Date.now() - started} ms`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
