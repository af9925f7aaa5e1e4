#!/usr/bin/env node
// `npm start`: build when the sources changed, migrate + seed in a separate process, then run
// the server (scripts/server.mjs, Next.js's production server) and print the URL and the demo logins. Works on PGlite (default) and, with
// DATABASE_URL set, on PostgreSQL.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.SUNLIGHT_DATA_DIR ?? '.data');
const skipBuild = process.argv.includes('--no-build');

function fingerprint() {
  const hash = crypto.createHash('sha256');
  const roots = ['app', 'core', 'modules', 'components', 'lib', 'db', 'messages', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) if (!e.startsWith('.')) walk(path.join(p, e));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  roots.forEach(walk);
  return hash.digest('hex');
}

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// 1. Build (only when the sources changed since the last build).
const stamp = path.join(root, '.next', 'sunlight-fingerprint');
const fp = fingerprint();
if (!skipBuild && (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== fp)) {
  console.log('▶ 构建应用 / building the app (next build)…');
  run(bin('next'), ['build'], { NEXT_TELEMETRY_DISABLED: '1' });
  fs.writeFileSync(stamp, fp);
}

// 2. Auth secret: NEXTAUTH_SECRET, or one generated once and kept in the data folder.
fs.mkdirSync(dataDir, { recursive: true });
let secret = process.env.NEXTAUTH_SECRET;
if (!secret) {
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  secret = fs.readFileSync(file, 'utf8').trim();
}
const env = {
  NEXTAUTH_SECRET: secret,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  SUNLIGHT_DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
};

// 3. Migrations and the demo seed, in their own process.
run(bin('tsx'), ['scripts/prepare.ts', ...(process.argv.includes('--no-seed') ? ['--no-seed'] : [])], env);

// 4. The server: scripts/server.mjs serves the build like `next start`, and stamps each request's
// client address from the socket (SUNLIGHT_TRUSTED_PROXIES: proxies whose X-Forwarded-For counts).
const server = spawn(process.execPath, ['scripts/server.mjs', '-p', String(port), '-H', process.env.HOST ?? '0.0.0.0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, ...env },
});
let announced = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /ready|started|Local:/i.test(String(chunk))) {
    announced = true;
    announce();
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

function announce() {
  const url = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const db = process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite (${path.relative(root, dataDir) || dataDir})`;
  console.log(`
☀ 阳光校务 Sunlight 已启动 / is running: ${url}   [${db}]
  演示账号 / demo logins — 密码 / password: Sunlight-2026
    platform                 平台管理员 / platform admin
    dongcheng.admin          东城区 区管理员 / district admin        (xishan.admin)
    dongcheng.eval           东城区 督导评估 / evaluator              (xishan.eval)
    dongcheng.eval.z1        东城区 督导（第一片区）/ zone evaluator  (xishan.eval.z1)
    dongcheng.leader         东城区 局领导 / leader                   (xishan.leader)
    dongcheng.dc01 … dc24    学校联络员 / school coordinators         (xishan.xs01 …)
  按 Ctrl+C 停止 / press Ctrl+C to stop.
`);
}
