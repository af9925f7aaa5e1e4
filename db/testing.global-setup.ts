// Vitest global set-up of the integration project: runs once per `vitest run`, in vitest's own
// process, before any test file. It builds the template databases every test file clones (see
// db/testing.ts), so a file costs a copy instead of initdb + migrations + the demo seed.
//
// - PGlite (default): the templates are built in a temp folder, exported as
//   SUNLIGHT_TEST_PGLITE_TEMPLATE, unless that is set already (scripts/test.sh builds them once
//   for the integration tests and the e2e server).
// - SUNLIGHT_TEST_DB=postgres: a throw-away cluster is started (db/testing-pg.ts) unless
//   TEST_DATABASE_URL names a server already; the templates are databases on it, exported as
//   SUNLIGHT_TEST_PG_TEMPLATE.
// The test workers are started afterwards and inherit the environment. Everything made here is
// removed in the teardown.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

async function buildTemplates(args: string[]): Promise<void> {
  const started = Date.now();
  try {
    await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/test-templates.ts', ...args], { cwd: ROOT, env: process.env, timeout: 300_000, maxBuffer: 16 << 20 });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`building the test templates failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: e });
  }
  console.log(`[integration] templates (${args[0]}) ready in ${Date.now() - started} ms`);
}

export default async function setup(): Promise<() => Promise<void>> {
  const teardown: (() => Promise<void>)[] = [];
  const done = async () => {
    for (const t of teardown.reverse()) await t().catch((e: unknown) => console.error(e));
  };
  try {
    if (process.env.SUNLIGHT_TEST_DB === 'postgres') {
      if (!process.env.TEST_DATABASE_URL) {
        const { startTempPostgres } = await import('./testing-pg');
        const pg = await startTempPostgres();
        process.env.TEST_DATABASE_URL = pg.url;
        teardown.push(async () => {
          delete process.env.TEST_DATABASE_URL;
          await pg.destroy();
        });
      }
      if (!process.env.SUNLIGHT_TEST_PG_TEMPLATE) {
        const server = process.env.TEST_DATABASE_URL;
        const name = `sl_tpl_${randomBytes(5).toString('hex')}`;
        const { adminSql, databaseUrl } = await import('./testing');
        teardown.push(async () => {
          delete process.env.SUNLIGHT_TEST_PG_TEMPLATE;
          await adminSql(server, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`).then(() => sql.unsafe(`drop database if exists ${name}_migrated with (force)`)));
        });
        await buildTemplates(['postgres', server, name]);
        process.env.SUNLIGHT_TEST_PG_TEMPLATE = databaseUrl(server, name);
      }
    } else if (!process.env.SUNLIGHT_TEST_PGLITE_TEMPLATE) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-template-'));
      teardown.push(async () => {
        delete process.env.SUNLIGHT_TEST_PGLITE_TEMPLATE;
        fs.rmSync(dir, { recursive: true, force: true });
      });
      await buildTemplates(['pglite', dir]);
      process.env.SUNLIGHT_TEST_PGLITE_TEMPLATE = dir;
    }
  } catch (e) {
    await done();
    throw e;
  }
  return done;
}
