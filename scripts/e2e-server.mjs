#!/usr/bin/env node
// Playwright's web server: a fresh embedded database in a temporary folder, prepared by the app's
// own scripts/prepare.ts (migrations, reference data, the demo seed), then the production build on
// E2E_PORT (scripts/server.mjs). The tests own their world.
//
// When scripts/test.sh hands over this run's seeded PGlite template (SUNLIGHT_TEST_PGLITE_TEMPLATE,
// built by scripts/test-templates.ts with the same "today"), the folder starts as a copy of it:
// prepare.ts then finds everything in place instead of seeding again.
import { spawn, spawnSync } from 'node:child_process';
import { throwAwayServerEnv } from './lib/app-env.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = process.env.E2E_PORT ?? '3100';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-e2e-'));
const env = throwAwayServerEnv({ dataDir, port, databaseUrl: process.env.E2E_DATABASE_URL });

/** The seeded template folder, if there is one for this database and this "today". */
function seededTemplate() {
  const dir = process.env.SUNLIGHT_TEST_PGLITE_TEMPLATE;
  if (!dir || env.DATABASE_URL) return null;
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'template.json'), 'utf8'));
    return meta.now === env.SUNLIGHT_NOW && fs.existsSync(path.join(dir, 'seeded', 'pglite')) ? path.join(dir, 'seeded') : null;
  } catch {
    return null;
  }
}

const template = seededTemplate();
if (template) {
  fs.cpSync(template, dataDir, { recursive: true });
  console.log(`✓ 演示数据库取自本次测试的模板 / demo database copied from this run's template (${template})`);
}
const prep = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/prepare.ts'], { cwd: root, env, stdio: 'inherit' });
if (prep.status !== 0) process.exit(prep.status ?? 1);

// scripts/server.mjs rather than `next start`: it stamps each request's client address (issue 13).
const server = spawn(process.execPath, ['scripts/server.mjs', '-p', port, '-H', '127.0.0.1'], { cwd: root, env, stdio: 'inherit' });
const stop = () => {
  server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
