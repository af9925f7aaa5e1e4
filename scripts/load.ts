// Deadline-day load test (issues 8 and 15): N coordinators (default 300) sign in, open /school/report
// and submit their quarterly report at the same time, spread round-robin over TWO app processes on one
// PostgreSQL, while a few readers (a leader on /overview, an evaluator on /review/matrix) keep
// reading. Run through scripts/load.sh (`npm run bench:load`), which builds the app into
// .next-load, starts a throw-away PostgreSQL and passes DATABASE_URL; see docs/LOAD.md.
//
// Steps: seed (scripts/lib/load-setup.ts) → start instances A and B → warm-up and cross-instance
// probe (a report submitted through A must show at once in B's /api/v1/metrics/schools) → the
// readers alone (their CPU per page, to tell it apart from the coordinators') → the burst with the
// readers → checks (API on both instances, database: every report submitted exactly once) →
// figures, including the CPU (app + PostgreSQL) per coordinator journey. Exit status 1 on any error.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { actionBody, actionResult, Browser, LoadError, parseSubmitForm, quantile, routerStateTree, type Failure, type Instance, type Sample, type Step } from './lib/load-client';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const USERS = Number(process.env.LOAD_USERS ?? 300);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? USERS);
const DEADLINE_S = Number(process.env.LOAD_DEADLINE_S ?? 240);
const NOW = process.env.SUNLIGHT_NOW ?? '2026-10-15T10:00:00+08:00';
/** Readers during the burst (even: the leader on /overview, odd: the evaluator on /review/matrix). */
const READERS = Number(process.env.LOAD_READERS ?? 2);
/** Coordinators (schools more) who go through the journey one at a time before the burst, measured request by request. */
const SEQUENTIAL = Number(process.env.LOAD_SEQUENTIAL ?? 20);
/** Fixed ports for the two app instances ("3214,3215"); free ephemeral ports when unset. */
const PORTS = (process.env.LOAD_PORTS ?? '')
  .split(',')
  .map((x) => Number(x.trim()))
  .filter((x) => Number.isInteger(x) && x > 0);
/** Extra Node options for the app servers, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them. */
const NODE_ARGS = (process.env.LOAD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const DIST = process.env.NEXT_DIST_DIR ?? '.next-load';
const PASSWORD = 'Sunlight-2026';
const DATABASE_URL = process.env.DATABASE_URL;

const log = (msg: string) => console.error(`[load] ${msg}`);

if (!DATABASE_URL) {
  log('DATABASE_URL is not set: run `npm run bench:load` (scripts/load.sh), which starts a throw-away PostgreSQL.');
  process.exit(2);
}
if (!fs.existsSync(path.join(root, DIST, 'BUILD_ID'))) {
  log(`no build in ${DIST}: run \`npm run bench:load\` (it builds first), or NEXT_DIST_DIR=${DIST} npx next build`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Processes we start, stopped on every way out.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-load-'));
const servers: ChildProcess[] = [];
let stopping = false;

function stopServers(): void {
  for (const p of servers) {
    if (p.pid && p.exitCode === null && p.signalCode === null) {
      try {
        process.kill(-p.pid, 'SIGTERM'); // its own process group (detached): the server and its workers
      } catch {
        /* gone */
      }
    }
  }
}
function cleanup(): void {
  if (stopping) return;
  stopping = true;
  stopServers();
  // The folder first (the servers' open log files do not mind): a second signal may end us early.
  if (!process.env.LOAD_KEEP_LOGS) fs.rmSync(tmp, { recursive: true, force: true });
  // Escalate if a server ignores SIGTERM; the folder holds only logs and the data dir.
  const deadline = Date.now() + 10_000;
  for (const p of servers) {
    while (p.pid && Date.now() < deadline && alive(p.pid)) spawnSync('sleep', ['0.2']);
    if (p.pid && alive(p.pid)) {
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
}
function alive(pid: number): boolean {
  try {
    // An exited child stays a zombie until the event loop reaps it: that counts as gone.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    /* no /proc, or gone */
  }
  try {
    process.kill(pid, 0);
    return fs.existsSync('/proc/self') ? false : true;
  } catch {
    return false;
  }
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    if (stopping) return; // already cleaning up (e.g. Ctrl-C, then the wrapper's SIGTERM): let it finish
    log(`${sig}: stopping the app servers`);
    cleanup();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(inst: Instance, proc: ChildProcess, logFile: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`instance ${name(inst.index)} exited (${proc.exitCode}); log:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const r = await fetch(`${inst.base}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (r.status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance ${name(inst.index)} not healthy after 60 s`);
}

const name = (i: number) => 'AB'[i] ?? String(i);

// CPU time (user + system, seconds) of a set of processes, from /proc (Linux; null elsewhere).
const CLK_TCK = 100;
function procStats(): { pid: number; ppid: number; pgrp: number; cpu: number }[] {
  if (!fs.existsSync('/proc/self/stat')) return [];
  const out: { pid: number; ppid: number; pgrp: number; cpu: number }[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(d), ppid: Number(f[1]), pgrp: Number(f[2]), cpu: (Number(f[11]) + Number(f[12])) / CLK_TCK });
    } catch {
      /* gone */
    }
  }
  return out;
}
/** CPU seconds so far of each app instance (its process group) and of the PostgreSQL cluster. */
function cpuNow(serverPids: number[], postmaster: number | null): number[] {
  const ps = procStats();
  const inst = serverPids.map((pid) => ps.filter((p) => p.pgrp === pid).reduce((s, p) => s + p.cpu, 0));
  const pg = postmaster ? ps.filter((p) => p.pid === postmaster || p.ppid === postmaster).reduce((s, p) => s + p.cpu, 0) : NaN;
  return [...inst, pg];
}

// ---------------------------------------------------------------------------------------------
interface Setup {
  district: { id: string; code: string };
  quarter: { year: number; quarter: number };
  coordinators: { username: string; schoolId: string; schoolCode: string }[];
  sequential: { username: string; schoolId: string; schoolCode: string }[];
  probe: { username: string; schoolId: string; schoolCode: string };
  evaluator: string;
  leader: string;
  token: string;
}

interface MetricsRow {
  code: string;
  reportState: string | null;
}

async function metrics(inst: Instance, setup: Setup, samples: Sample[]): Promise<Map<string, string | null>> {
  const t0 = performance.now();
  const res = await fetch(`${inst.base}/api/v1/metrics/schools?year=${setup.quarter.year}&quarter=${setup.quarter.quarter}`, {
    headers: { authorization: `Bearer ${setup.token}` },
    signal: AbortSignal.timeout(60_000),
  });
  const body = await res.text();
  samples.push({ step: 'api', instance: inst.index, ms: performance.now() - t0, status: res.status });
  if (res.status !== 200) throw new LoadError('api', inst.index, `/api/v1/metrics/schools: HTTP ${res.status} ${body.slice(0, 200)}`);
  const rows = (JSON.parse(body) as { schools: MetricsRow[] }).schools;
  return new Map(rows.map((r) => [r.code, r.reportState]));
}

/** One coordinator: sign in, open the due quarter's report page, submit (with the confirmation if gaps are shown). */
async function coordinator(
  b: Browser,
  username: string,
  q: { year: number; quarter: number },
  on: { csrf: Instance; signIn: Instance; page: Instance; submit: Instance },
  timing: Record<'signIn' | 'page' | 'submit', number[]>,
): Promise<string> {
  timing.signIn.push(await b.signIn(on.signIn, on.csrf, username, PASSWORD));
  const qp = `${q.year}-Q${q.quarter}`;
  const url = `/school/report?q=${qp}`;
  const page = await b.request(on.page, 'page', url);
  if (page.res.status !== 200) throw new LoadError('page', on.page.index, `${url} answered ${page.res.status} → ${page.res.headers.get('location')}`);
  timing.page.push(page.ms);
  const form = parseSubmitForm(page.body);
  if (!form) throw new LoadError('page', on.page.index, `${url} has no submit form with a server action`);
  if (form.year !== q.year || form.quarter !== q.quarter) throw new LoadError('page', on.page.index, `${url} offers to submit ${form.year} Q${form.quarter}`);
  const extra: [string, string][] = form.confirmGaps ? [['confirmGaps', 'on']] : [];
  const sub = await b.request(on.submit, 'submit', url, {
    method: 'POST',
    headers: {
      accept: 'text/x-component',
      'next-action': form.actionId,
      'next-router-state-tree': routerStateTree(['(coordinator)', 'school', 'report'], { q: qp }),
      origin: on.submit.base,
      referer: `${on.submit.base}${url}`,
    },
    body: actionBody(form, extra),
  });
  timing.submit.push(sub.ms);
  const result = actionResult(sub.body);
  if (result?.status !== 'submitted')
    throw new LoadError('submit', on.submit.index, `action result ${JSON.stringify(result) ?? 'missing'} (HTTP ${sub.res.status}, ${sub.body.slice(0, 300).replace(/\s+/g, ' ')})`);
  return form.actionId;
}

/** A reader: signed in once, then reads one page again and again, one request at a time. */
interface Reader {
  browser: Browser;
  kind: 'overview' | 'matrix';
  path: string;
  inst: Instance;
  ms: number[];
}

async function startReaders(setup: Setup, instances: Instance[], samples: Sample[]): Promise<Reader[]> {
  const readers: Reader[] = [];
  for (let r = 0; r < READERS; r++) {
    const overview = r % 2 === 0;
    const who = overview ? setup.leader : setup.evaluator;
    const inst = instances[(r >> 1) % 2]!;
    const browser = new Browser(who, samples);
    await browser.signIn(inst, inst, who, PASSWORD);
    const path = overview ? `/overview?year=${setup.quarter.year}` : `/review/matrix?year=${setup.quarter.year}&quarter=${setup.quarter.quarter}`;
    readers.push({ browser, kind: overview ? 'overview' : 'matrix', path, inst, ms: [] });
  }
  return readers;
}

/** Every reader reads its page until `stop()` says so (or, with `rounds`, that many times). */
async function readUntil(readers: Reader[], stop: () => boolean, fail: (who: string, e: unknown) => void, rounds = Infinity): Promise<void> {
  await Promise.all(
    readers.map(async (rd) => {
      for (let n = 0; n < rounds && !stop(); n++) {
        try {
          const page = await rd.browser.request(rd.inst, 'read', rd.path);
          if (page.res.status !== 200) throw new LoadError('read', rd.inst.index, `${rd.path} answered ${page.res.status} → ${page.res.headers.get('location')}`);
          if (page.body.includes('data-testid="recomputing"')) throw new LoadError('read', rd.inst.index, `${rd.path} says "recomputing"`);
          rd.ms.push(page.ms);
        } catch (e) {
          fail(`reader ${rd.browser.who} (${rd.kind})`, e);
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    }),
  );
}

/** CPU (app, PostgreSQL) and bytes per kind of request, from journeys made one at a time. */
type Meter = Map<string, { n: number; app: number; pg: number; bytes: number }>;

/** A browser whose every request is measured alone: CPU of the app processes and PostgreSQL before and after it. */
class MeteredBrowser extends Browser {
  constructor(
    who: string,
    private readonly meter: Meter,
    private readonly cpu: () => number[],
  ) {
    super(who, []);
  }
  override async request(inst: Instance, step: Step, path: string, init: RequestInit = {}) {
    const action = new Headers(init.headers).has('next-action');
    const label = `${init.method ?? 'GET'} ${path.split('?')[0]}${action ? ' (server action)' : ''}`;
    await new Promise((r) => setTimeout(r, 20)); // what the last request left running ends first
    const c0 = this.cpu();
    const r = await super.request(inst, step, path, init);
    await new Promise((r) => setTimeout(r, 20));
    const c1 = this.cpu();
    const e = this.meter.get(label) ?? { n: 0, app: 0, pg: 0, bytes: 0 };
    e.n++;
    e.app += c1[0]! - c0[0]! + (c1[1]! - c0[1]!);
    e.pg += c1[2]! - c0[2]!;
    e.bytes += Buffer.byteLength(r.body);
    this.meter.set(label, e);
    return r;
  }
}

function summarize(label: string, xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const f = (v: number) => (Number.isFinite(v) ? `${Math.round(v)}`.padStart(6) : '     –');
  return `${label.padEnd(34)} ${String(s.length).padStart(5)} ${f(quantile(s, 0.5))} ${f(quantile(s, 0.95))} ${f(s[s.length - 1] ?? NaN)}`;
}

// ---------------------------------------------------------------------------------------------
async function main(): Promise<number> {
  const failures: Failure[] = [];
  const samples: Sample[] = [];
  const fail = (who: string, e: unknown) => {
    const le = e instanceof LoadError ? e : null;
    failures.push({ who, step: le?.step ?? 'other', instance: le?.instance ?? -1, detail: e instanceof Error ? e.message : String(e) });
  };

  // 1. Database: migrate, seed, open drafts, evaluator token (its own process).
  let t = Date.now();
  const setupRun = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/lib/load-setup.ts', '--schools', String(USERS), '--extra', String(SEQUENTIAL)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL, SUNLIGHT_NOW: NOW },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (setupRun.status !== 0) throw new Error(`setup failed (exit ${setupRun.status})`);
  const setup = JSON.parse(setupRun.stdout.trim().split('\n').pop()!) as Setup;
  log(`setup done in ${Date.now() - t} ms: ${setup.coordinators.length} coordinators + 1 probe, ${setup.quarter.year} Q${setup.quarter.quarter} open`);

  // 2. Two app processes on one PostgreSQL, same secret, same build.
  const secret = crypto.randomBytes(32).toString('base64url');
  const instances: Instance[] = [];
  for (let i = 0; i < 2; i++) {
    const port = PORTS[i] ?? (await freePort());
    const base = `http://127.0.0.1:${port}`;
    const logFile = path.join(tmp, `app-${name(i)}.log`);
    const out = fs.openSync(logFile, 'a');
    const proc = spawn(process.execPath, [...NODE_ARGS, 'scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_DIST_DIR: DIST,
        DATABASE_URL,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: base,
        SUNLIGHT_NOW: NOW,
        SUNLIGHT_DATA_DIR: path.join(tmp, `data-${name(i)}`),
        // Every coordinator signs in from 127.0.0.1, as a whole district behind one NAT would: the
        // per-address guess limit is raised as docs/LOAD.md says such a deployment must do (each
        // sign-in takes a guess before its password is checked, so 300 at once would exceed 50).
        SUNLIGHT_SIGNIN_ADDRESS_LIMIT: String(Math.max(1000, 2 * (USERS + READERS))),
      },
    });
    fs.closeSync(out);
    servers.push(proc);
    if (process.env.LOAD_PID_FILE) fs.appendFileSync(process.env.LOAD_PID_FILE, `${proc.pid}\n`);
    instances.push({ index: i, base });
  }
  t = Date.now();
  await Promise.all(instances.map((inst, i) => waitHealthy(inst, servers[i]!, path.join(tmp, `app-${name(i)}.log`))));
  const [A, B] = instances as [Instance, Instance];
  log(`instances up in ${Date.now() - t} ms: A ${A.base}, B ${B.base}`);

  // 3. Warm-up and probe: caches filled on both instances, then one submission through A must
  //    be visible through B at once (the school table cache of B is keyed on the audit log).
  const probeTiming = { signIn: [] as number[], page: [] as number[], submit: [] as number[] };
  const findings: string[] = [];
  try {
    const evalB = new Browser(setup.evaluator, []);
    await evalB.signIn(A, A, setup.evaluator, PASSWORD); // session from A…
    const review = await evalB.request(B, 'page', '/review'); // …used on B
    if (review.res.status !== 200) throw new LoadError('page', B.index, `evaluator /review on B answered ${review.res.status}`);
    const before = await Promise.all([metrics(A, setup, []), metrics(B, setup, [])]);
    for (const [i, m] of before.entries()) {
      if (m.get(setup.probe.schoolCode) !== 'draft') throw new Error(`probe school is ${m.get(setup.probe.schoolCode)} on ${name(i)} before the probe`);
    }
    const probe = new Browser(setup.probe.username, []);
    await probe.signIn(B, B, setup.probe.username, PASSWORD);
    await probe.request(A, 'page', `/school/report?q=${setup.quarter.year}-Q${setup.quarter.quarter}`); // warms the page on A (B renders it below)
    await coordinator(probe, setup.probe.username, setup.quarter, { csrf: B, signIn: B, page: B, submit: A }, probeTiming);
    const afterB = await metrics(B, setup, []);
    const afterA = await metrics(A, setup, []);
    const seenB = afterB.get(setup.probe.schoolCode);
    const seenA = afterA.get(setup.probe.schoolCode);
    findings.push(`probe: report of ${setup.probe.schoolCode} submitted through A; right after, /api/v1/metrics/schools says "${seenB}" on B and "${seenA}" on A (both had it cached as "draft")`);
    if (seenB !== 'submitted' || seenA !== 'submitted') fail(setup.probe.username, new LoadError('api', B.index, `stale read after a submission through the other instance: B=${seenB}, A=${seenA}`));
  } catch (e) {
    fail('warm-up/probe', e);
  }

  // 4. The burst: every coordinator at once; who talks to which instance is round-robin over the
  //    bits of the index, so every sign-in/page/submit combination of A and B occurs.
  const timing = { signIn: [] as number[], page: [] as number[], submit: [] as number[] };
  const burstSamples: Sample[] = [];
  const actionIds = new Set<string>();
  let done = 0;
  let next = 0;
  const deadline = Date.now() + DEADLINE_S * 1000;
  // The cluster's postmaster, for the CPU figures (readable when we run as its owner or root).
  let postmaster: number | null = null;
  {
    const sql = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ setting: string }[]>`select setting from pg_settings where name = 'data_directory'`;
      postmaster = Number(fs.readFileSync(path.join(row!.setting, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
    } catch {
      postmaster = null;
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  const serverPids = servers.map((p) => p.pid!);

  // Readers alone first: their CPU per page read, so that the coordinators' share of the burst's CPU
  // can be told apart (the burst's CPU minus the readers' reads × this).
  let readers: Reader[] = [];
  let readerCpu = { app: 0, pg: 0, reads: 0 };
  try {
    readers = await startReaders(setup, instances, []);
    await readUntil(readers, () => false, fail, 1); // warm-up
    const c0 = cpuNow(serverPids, postmaster);
    const before = readers.reduce((s, r) => s + r.ms.length, 0);
    await readUntil(readers, () => false, fail, 5);
    const c1 = cpuNow(serverPids, postmaster);
    const reads = readers.reduce((s, r) => s + r.ms.length, 0) - before;
    readerCpu = { app: c1[0]! - c0[0]! + (c1[1]! - c0[1]!), pg: c1[2]! - c0[2]!, reads };
    for (const r of readers) r.ms.length = 0;
    if (reads) log(`readers alone: ${reads} page reads, ${((readerCpu.app / reads) * 1000).toFixed(0)} ms app CPU + ${((readerCpu.pg / reads) * 1000).toFixed(0)} ms PostgreSQL CPU per read`);
  } catch (e) {
    fail('readers', e);
  }

  // Journeys one at a time, every request measured alone: where a journey's CPU goes.
  const meter: Meter = new Map();
  try {
    const timingSeq = { signIn: [] as number[], page: [] as number[], submit: [] as number[] };
    for (const c of setup.sequential) {
      const b = new MeteredBrowser(c.username, meter, () => cpuNow(serverPids, postmaster));
      await coordinator(b, c.username, setup.quarter, { csrf: A, signIn: A, page: A, submit: A }, timingSeq);
    }
  } catch (e) {
    fail('sequential journeys', e);
  }

  const cpu0 = cpuNow(serverPids, postmaster);
  log(`burst: ${USERS} coordinators, concurrency ${CONCURRENCY}, deadline ${DEADLINE_S} s`);
  const t0 = performance.now();
  const progress = setInterval(() => log(`… ${done}/${USERS} done, ${failures.length} failed, ${Math.round((performance.now() - t0) / 1000)} s`), 10_000);
  let burstOver = false;
  const reading = readUntil(readers, () => burstOver, fail);
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= USERS) return;
      const c = setup.coordinators[i]!;
      if (Date.now() > deadline) {
        fail(c.username, new Error('not started before the deadline'));
        continue;
      }
      const on = { signIn: instances[i % 2]!, page: instances[(i >> 1) % 2]!, submit: instances[(i >> 2) % 2]!, csrf: instances[(i >> 3) % 2]! };
      try {
        actionIds.add(await coordinator(new Browser(c.username, burstSamples), c.username, setup.quarter, on, timing));
      } catch (e) {
        fail(c.username, e);
      }
      done++;
    }
  };
  await Promise.race([
    Promise.all(Array.from({ length: Math.min(CONCURRENCY, USERS) }, worker)),
    new Promise<void>((resolve) =>
      setTimeout(
        () => {
          fail('burst', new Error(`deadline of ${DEADLINE_S} s passed with ${USERS - done} coordinators unfinished`));
          resolve();
        },
        DEADLINE_S * 1000 + 5000,
      ).unref(),
    ),
  ]);
  clearInterval(progress);
  const wall = performance.now() - t0;
  const cpu1 = cpuNow(serverPids, postmaster);
  burstOver = true;
  const cpu = cpu1.map((v, i) => v - cpu0[i]!);
  // Reads that ended within the burst (the last one may end a little after it).
  const burstReads = readers.reduce((s, r) => s + r.ms.length, 0);
  await reading;
  samples.push(...burstSamples);

  // 5. Checks through the app: both instances see every report submitted (caches included).
  for (const inst of instances) {
    try {
      const m = await metrics(inst, setup, samples);
      const notSubmitted = [...setup.coordinators.map((c) => c.schoolCode), setup.probe.schoolCode].filter((code) => m.get(code) !== 'submitted');
      findings.push(`after the burst, instance ${name(inst.index)}'s /api/v1/metrics/schools shows ${m.size - notSubmitted.length}/${m.size} reports submitted`);
      if (notSubmitted.length) fail(`api ${name(inst.index)}`, new LoadError('api', inst.index, `${notSubmitted.length} reports not shown as submitted (${notSubmitted.slice(0, 5).join(', ')}…)`));
    } catch (e) {
      fail(`api ${name(inst.index)}`, e);
    }
  }

  // 6. Checks in the database: each report submitted exactly once, nothing lost, nothing doubled.
  const sql = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const ids = [...setup.coordinators.map((c) => c.schoolId), setup.probe.schoolId];
    const rows = await sql<{ school_id: string; n: number; state: string; version: number; submitted: boolean; transitions: number; audits: number }[]>`
      select r.school_id, count(*) over (partition by r.school_id)::int as n, r.state, r.version, r.submitted_at is not null as submitted,
        (select count(*)::int from report_transitions t where t.report_id = r.id and t.from_state = 'draft' and t.to_state = 'submitted') as transitions,
        (select count(*)::int from audit_log a where a.entity = 'quarterly_report' and a.entity_id = r.id::text and a.action = 'submit') as audits
      from quarterly_reports r
      where r.district_id = ${setup.district.id} and r.year = ${setup.quarter.year} and r.quarter = ${setup.quarter.quarter} and r.school_id in ${sql(ids)}`;
    const bySchool = new Map(rows.map((r) => [r.school_id, r]));
    const problems: string[] = [];
    for (const id of ids) {
      const r = bySchool.get(id);
      if (!r) problems.push(`${id}: no report`);
      else if (r.n !== 1 || r.state !== 'submitted' || r.version !== 2 || !r.submitted || r.transitions !== 1 || r.audits !== 1)
        problems.push(`${id}: rows=${r.n} state=${r.state} version=${r.version} submitted=${r.submitted} transitions=${r.transitions} audits=${r.audits}`);
    }
    const submittedLoad = rows.filter((r) => r.state === 'submitted' && r.school_id !== setup.probe.schoolId).length;
    findings.push(
      `database: ${submittedLoad}/${USERS} load reports submitted (+ the probe's), each with exactly one report row, one draft→submitted transition, one "submit" audit row, version 2: ${problems.length === 0 ? 'yes' : `NO (${problems.length} differ)`}`,
    );
    for (const p of problems.slice(0, 10)) fail('database', new Error(p));
    if (problems.length > 10) fail('database', new Error(`… and ${problems.length - 10} more`));
  } finally {
    await sql.end({ timeout: 5 });
  }

  // 7. Server logs: anything logged as an error by either instance.
  for (const i of [0, 1]) {
    const text = fs.readFileSync(path.join(tmp, `app-${name(i)}.log`), 'utf8');
    const errors = text.split('\n').filter((l) => /error|⨯|unhandled|exception/i.test(l));
    findings.push(`instance ${name(i)} log: ${errors.length} error lines`);
    for (const l of errors.slice(0, 5)) fail(`log ${name(i)}`, new Error(l.slice(0, 300)));
  }

  // 8. Figures.
  const http = (xs: Sample[]) => ({ total: xs.length, bad: xs.filter((x) => x.status === 0 || x.status >= 400).length });
  const all = http(samples);
  const byInst = [0, 1].map((i) => samples.filter((x) => x.instance === i).length);
  const stepErrors = (step: Step) => failures.filter((f) => f.step === step).length;
  console.log('');
  console.log(`Deadline-day load: ${USERS} coordinators, concurrency ${CONCURRENCY}, 2 app instances (A ${A.base}, B ${B.base}), PostgreSQL 15, ${os.cpus().length} CPUs`);
  console.log(
    `burst wall time ${(wall / 1000).toFixed(1)} s; ${all.total} HTTP requests in the burst (A ${byInst[0]}, B ${byInst[1]}), ${(all.total / (wall / 1000)).toFixed(0)} req/s; ${all.bad} HTTP errors; ${failures.length} failures`,
  );
  console.log(`distinct server action ids seen: ${actionIds.size}`);
  const cpuText = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} s` : 'n/a');
  console.log(
    `CPU time during the burst: instance A ${cpuText(cpu[0]!)}, B ${cpuText(cpu[1]!)}, PostgreSQL ${cpuText(cpu[2]!)} (of ${((wall / 1000) * os.cpus().length).toFixed(0)} s available; load average now ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  // Per coordinator journey (sign in, open the report, submit): the burst's CPU less the readers'
  // reads (at their CPU per read measured alone), over the coordinators who finished.
  const journeys = timing.submit.length;
  const perRead = readerCpu.reads ? { app: readerCpu.app / readerCpu.reads, pg: readerCpu.pg / readerCpu.reads } : { app: 0, pg: 0 };
  const appJourney = (cpu[0]! + cpu[1]! - perRead.app * burstReads) / journeys;
  const pgJourney = (cpu[2]! - perRead.pg * burstReads) / journeys;
  const ms = (v: number) => (Number.isFinite(v) ? `${(v * 1000).toFixed(0)} ms` : 'n/a');
  console.log(
    `CPU per coordinator journey: app ${ms(appJourney)} + PostgreSQL ${ms(pgJourney)} = ${ms(appJourney + pgJourney)} (${journeys} journeys; ${burstReads} reader page reads during the burst at ${ms(perRead.app)} app + ${ms(perRead.pg)} PostgreSQL each, measured alone, taken off; without that correction ${ms((cpu[0]! + cpu[1]!) / journeys)} + ${ms(cpu[2]! / journeys)})`,
  );
  console.log('');
  console.log(`${'latency (ms)'.padEnd(34)} ${'n'.padStart(5)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'max'.padStart(6)}   errors`);
  console.log(`${summarize('sign-in (csrf+callback)', timing.signIn)}   ${stepErrors('signIn')}`);
  console.log(
    `${summarize(
      '  credentials callback POST',
      burstSamples.filter((x) => x.step === 'signIn').map((x) => x.ms),
    )}`,
  );
  console.log(`${summarize('page load GET /school/report', timing.page)}   ${stepErrors('page')}`);
  console.log(`${summarize('submit (server action POST)', timing.submit)}   ${stepErrors('submit')}`);
  for (const i of [0, 1])
    console.log(
      summarize(
        `  submit on ${name(i)}`,
        burstSamples.filter((x) => x.step === 'submit' && x.instance === i).map((x) => x.ms),
      ),
    );
  for (const kind of ['overview', 'matrix'] as const) {
    const rs = readers.filter((r) => r.kind === kind);
    if (rs.length)
      console.log(
        `${summarize(
          `reader ${rs[0]!.path.split('?')[0]} (${rs.length}×)`,
          rs.flatMap((r) => r.ms),
        )}   ${failures.filter((f) => f.step === 'read' && f.who.includes(`(${kind})`)).length}`,
      );
  }
  if (meter.size) {
    console.log('');
    console.log(`One coordinator at a time (${setup.sequential.length} journeys, instance A, nothing else running in the app), CPU per request:`);
    console.log(`${'request'.padEnd(46)} ${'app ms'.padStart(7)} ${'PG ms'.padStart(6)} ${'kB'.padStart(6)}`);
    let app = 0;
    let pg = 0;
    for (const [label, e] of meter) {
      console.log(`${label.padEnd(46)} ${((e.app / e.n) * 1000).toFixed(1).padStart(7)} ${((e.pg / e.n) * 1000).toFixed(1).padStart(6)} ${(e.bytes / e.n / 1024).toFixed(1).padStart(6)}`);
      app += e.app / e.n;
      pg += e.pg / e.n;
    }
    console.log(`${'journey'.padEnd(46)} ${(app * 1000).toFixed(1).padStart(7)} ${(pg * 1000).toFixed(1).padStart(6)}`);
  }
  console.log('');
  for (const f of findings) console.log(`• ${f}`);
  if (failures.length) {
    console.log('');
    console.log(`FAILURES (${failures.length}):`);
    for (const f of failures.slice(0, 30)) console.log(`  ${f.who} [${f.step}${f.instance >= 0 ? ` on ${name(f.instance)}` : ''}]: ${f.detail}`);
    if (failures.length > 30) console.log(`  … and ${failures.length - 30} more`);
  }
  console.log('');
  console.log(failures.length === 0 && all.bad === 0 ? 'RESULT: OK — 0 errors' : `RESULT: FAILED — ${failures.length} failures, ${all.bad} HTTP errors`);
  if (process.env.LOAD_KEEP_LOGS) console.log(`logs kept in ${tmp}`);
  return failures.length === 0 && all.bad === 0 ? 0 : 1;
}

main()
  .then((code) => {
    cleanup();
    process.exit(code);
  })
  .catch((e) => {
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    cleanup();
    process.exit(1);
  });
