// The HTML bytes of the review matrix and queue on the production build (issue 15, "light pages"):
// a fresh embedded database with the demo seed and a generated district of --schools schools
// (seed/synthetic.ts, default 300), the production build served on --port, each page fetched as
// the district's evaluator; prints raw and gzip bytes beside the budgets. Not a timed test.
//   NEXT_DIST_DIR=.next npx next build   (once)
//   npm run bench:pages -- --schools 300 --port 3212
// PAGE_BYTES_SAVE=DIR keeps each page's HTML there; PAGE_BYTES_HOLD_MS=N keeps the server up N ms after. Exit status 1 when a page is over its budget (a check, as in e2e/page-budgets.spec.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { throwAwayServerEnv } from './lib/app-env.mjs';

const KB = 1000;
/** Issue 15: a 300-school district's quarter matrix and queues ≤ 300 kB, its year matrix ≤ 400 kB. */
const PAGES: { path: string; budget: number }[] = [
  { path: '/review/matrix', budget: 300 * KB },
  { path: '/review/matrix?year=2025', budget: 400 * KB },
  { path: '/review/matrix?year=2026', budget: 400 * KB },
  { path: '/review', budget: 300 * KB },
  { path: '/review/quarters', budget: 300 * KB },
  { path: '/review/quarters?year=2026&quarter=3', budget: 300 * KB },
];

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { schools: { type: 'string' }, port: { type: 'string' } } });
  const schools = Number(values.schools ?? 300);
  const port = Number(values.port ?? process.env.PORT ?? 3212);
  const dist = process.env.NEXT_DIST_DIR ?? '.next';
  if (!fs.existsSync(path.join(root, dist, 'BUILD_ID'))) {
    console.error(`no production build in ${dist}: run NEXT_DIST_DIR=${dist} npx next build first`);
    return 2;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-bytes-'));
  const env = throwAwayServerEnv({ dataDir, port });
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const prep = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/prepare.ts'], { cwd: root, env, stdio: 'inherit' });
    if (prep.status !== 0) return prep.status ?? 1;
    // The generated district, written into the same folder (PGlite: one process at a time).
    const synth = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/page-bytes.ts', '--seed-only'], {
      cwd: root,
      env: { ...env, PAGE_BYTES_SCHOOLS: String(schools) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (synth.status !== 0) return synth.status ?? 1;
    const evaluator = synth.stdout.toString().trim().split('\n').at(-1)!;
    server = spawn(process.execPath, ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    const rows: string[][] = [];
    let over = 0;
    for (const [who, username] of [
      ['demo 东城区 (24 schools)', 'dongcheng.eval'],
      [`generated (${schools} schools)`, evaluator],
    ] as const) {
      const cookie = await signIn(base, username);
      for (const p of PAGES) {
        await fetch(base + p.path, { headers: { cookie } }); // warm-up (first compile of the route)
        const res = await fetch(base + p.path, { headers: { cookie } });
        const body = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200) throw new Error(`${p.path} as ${username}: HTTP ${res.status}`);
        if (process.env.PAGE_BYTES_SAVE) fs.writeFileSync(path.join(process.env.PAGE_BYTES_SAVE, `${username}${p.path.replaceAll(/[/?&=]/g, '_')}.html`), body);
        const ok = body.length <= p.budget;
        if (!ok && who.startsWith('generated')) over += 1;
        rows.push([who, p.path, kb(body.length), kb(gzipSync(body).length), kb(p.budget), ok ? 'ok' : 'OVER']);
      }
    }
    console.log(`\nHTML bytes of the review pages (production build ${dist}; kB = 1000 bytes)\n`);
    console.log(['district', 'page', 'raw', 'gzip', 'budget (raw)', ''].join('\t'));
    for (const r of rows) console.log(r.join('\t'));
    const hold = Number(process.env.PAGE_BYTES_HOLD_MS ?? 0);
    if (hold > 0) {
      console.log(`\nserver kept on ${base} for ${hold} ms (PAGE_BYTES_HOLD_MS); generated district's evaluator: ${evaluator}`);
      await new Promise((r) => setTimeout(r, hold));
    }
    return over ? 1 : 0;
  } finally {
    server?.kill('SIGTERM');
    if (server) await new Promise((r) => server!.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / KB).toFixed(1)} kB`;

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within 2 minutes`);
}

/** next-auth's credentials sign-in (csrf → callback); the session cookies as one Cookie header. */
async function signIn(base: string, username: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, username, password: 'Sunlight-2026', json: 'true' }),
    redirect: 'manual',
  });
  keep(res);
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie: header() } })).json()) as { uid?: string };
  if (!session.uid) throw new Error(`sign-in as ${username} failed`);
  return header();
}

/** Child step: the generated district into SUNLIGHT_DATA_DIR; prints its evaluator's username last. */
async function seedOnly(): Promise<number> {
  const { getDb, closeDb } = await import('@/db/client');
  const { seedSynthetic } = await import('@/seed/synthetic');
  const t = Date.now();
  const s = await seedSynthetic(await getDb(), { schools: Number(process.env.PAGE_BYTES_SCHOOLS ?? 300) });
  await closeDb();
  console.error(`✓ ${process.env.PAGE_BYTES_SCHOOLS}-school district generated in ${Date.now() - t} ms`);
  console.log(s.evaluatorUsername);
  return 0;
}

(process.argv.includes('--seed-only') ? seedOnly() : main()).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
