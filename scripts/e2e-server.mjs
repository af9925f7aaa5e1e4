#!/usr/bin/env node
// Playwright's web server: a fresh embedded database in a temporary folder (migrated and seeded
// by the app's own scripts), then the production build on E2E_PORT (scripts/server.mjs). The tests own their world.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = process.env.E2E_PORT ?? '3100';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-e2e-'));
const env = {
  ...process.env,
  SUNLIGHT_DATA_DIR: dataDir,
  SUNLIGHT_NOW: process.env.SUNLIGHT_NOW ?? '2026-11-23T10:00:00+08:00',
  NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
};
if (!process.env.E2E_DATABASE_URL) delete env.DATABASE_URL;
else env.DATABASE_URL = process.env.E2E_DATABASE_URL;

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
