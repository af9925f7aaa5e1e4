// Throw-away PostgreSQL clusters for tests — the ONE implementation (scripts/pg-temp.ts is its
// command line; the integration tests' global set-up, db/pg-restart.int.test.ts and the load test
// use it):
//
// - binaries: $PG_BINDIR, else /usr/lib/postgresql/15/bin, else the newest /usr/lib/postgresql/<≥15>/bin
//   (this helper installs nothing: `bash scripts/ensure-postgres.sh` does, and scripts/test.sh runs it);
// - a fresh cluster in /tmp/sunlight-pg.XXXXXX (data/, sock/, owner), trust auth, user `postgres`,
//   listening on 127.0.0.1 on a free port; as root it is owned by and runs as the `postgres` OS user
//   (initdb refuses root);
// - the folder records "PID STARTTIME" of its owner in `owner` (this process, or the shell that
//   asked scripts/pg-temp.ts for it); startTempPostgres() first stops and deletes the clusters of
//   owners that are gone (e.g. a run killed with SIGKILL), so repeated runs never pile up servers;
// - fsync and full_page_writes off (no OS crash is simulated); synchronous_commit off too unless
//   `durableCommits` (db/pg-restart.int.test.ts: a crash-like stop must not lose a commit the client
//   was told about); all three on with `productionDurability` (benchmarks: `pg-temp.ts start --durable`).
//
// Every command is bounded by a timeout; destroy() is idempotent and, unless `detached`, also runs
// at process exit.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const OS_USER = 'postgres';
const MIN_MAJOR = 15;
const DIR_PREFIX = '/tmp/sunlight-pg.';

export interface TempPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dir: string;
  bindir: string;
  /** Stops the server: `immediate` is crash-like (no checkpoint, clients cut off), `fast` is clean. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  /** Starts it again on the same port and waits until it accepts connections (crash recovery included). */
  start(): Promise<void>;
  /** Stops the server (if running) and deletes its folder. Idempotent. */
  destroy(): Promise<void>;
}

export interface TempPostgresOptions {
  /** synchronous_commit on (default off: faster, and nothing but a crash test needs it). */
  durableCommits?: boolean;
  /** fsync, full_page_writes and synchronous_commit all on, as in production (benchmarks measure with these). */
  productionDurability?: boolean;
  /** The process that owns the cluster (default: this one); when it is gone, the next start reaps the cluster. */
  ownerPid?: number;
  /** Keep the cluster when this process exits (the command line hands it to its caller). */
  detached?: boolean;
  maxConnections?: number;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
const log = (msg: string) => process.stderr.write(`[pg-temp] ${msg}\n`);

/** The folder holding initdb/pg_ctl of PostgreSQL ≥ 15, or null. */
export function findPgBindir(): string | null {
  const ok = (d: string) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl'));
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv) return ok(fromEnv) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((m) => /^\d+$/.test(m) && Number(m) >= MIN_MAJOR)
        .map(Number)
    : [];
  const order = [15, ...majors.filter((m) => m !== 15).sort((a, b) => b - a)];
  for (const m of order) {
    const d = path.join(root, String(m), 'bin');
    if (ok(d)) return d;
  }
  return null;
}

/** Runs a /bin/sh command line as the cluster's OS user, bounded by `timeoutMs`. */
function asOwner(cmd: string, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  const [file, args] = isRoot() ? ['su', [OS_USER, '-s', '/bin/sh', '-c', cmd]] : ['sh', ['-c', cmd]];
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd}\n${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

function asOwnerSync(cmd: string, timeoutMs: number): void {
  const [file, args] = isRoot() ? ['su', [OS_USER, '-s', '/bin/sh', '-c', cmd]] : ['sh', ['-c', cmd]];
  spawnSync(file, args, { timeout: timeoutMs, stdio: 'ignore' });
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

/** "PID STARTTIME" of a live process (STARTTIME tells it from a later process with a reused PID), or null. */
function processId(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return `${pid} ${rest[19]}`;
  } catch {
    return null;
  }
}

function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Running (a zombie, e.g. an orphaned postmaster its new parent has not reaped yet, is not). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2, stat.lastIndexOf(') ') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops the cluster in `dir` (pg_ctl, else SIGKILL to its postmaster) and deletes the folder.
 * For scripts/pg-temp.ts `stop` and the stale-cluster reaper; a TempPostgres has destroy().
 */
export async function destroyTempPostgresDir(dir: string): Promise<void> {
  if (!path.basename(dir).startsWith(path.basename(DIR_PREFIX)) || !fs.existsSync(dir)) return;
  const data = path.join(dir, 'data');
  const pid = postmasterPid(data);
  const bindir = findPgBindir();
  if (pid !== null && bindir) await asOwner(`${q(path.join(bindir, 'pg_ctl'))} -D ${q(data)} -m fast -w -t 30 stop`, 40_000).catch(() => undefined);
  if (pid !== null && alive(pid)) {
    log(`pg_ctl could not stop postmaster ${pid}; killing it`);
    process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  // pg_ctl orphans the postmaster, so init reaps it: wait (briefly) until it is really gone.
  for (let i = 0; pid !== null && i < 50 && alive(pid); i++) await sleep(100);
}

/** Stops and deletes the clusters of earlier runs whose owner process is gone. */
async function reapStale(): Promise<void> {
  for (const name of fs.readdirSync(path.dirname(DIR_PREFIX))) {
    const dir = path.join(path.dirname(DIR_PREFIX), name);
    if (!dir.startsWith(DIR_PREFIX)) continue;
    try {
      // Not root: only our own folders (root's are chowned to the postgres user).
      if (!isRoot() && fs.statSync(dir).uid !== process.getuid?.()) continue;
      const owner = fs.existsSync(path.join(dir, 'owner')) ? fs.readFileSync(path.join(dir, 'owner'), 'utf8').trim() : '';
      // A folder without an owner yet is being set up right now, unless it is old.
      if (!owner && Date.now() - fs.statSync(dir).mtimeMs < 120_000) continue;
      if (owner && processId(Number(owner.split(' ')[0])) === owner) continue; // owner still alive
      log(`removing stale test cluster ${dir} (owner ${owner || 'unknown'} is gone)`);
      await destroyTempPostgresDir(dir);
    } catch {
      /* gone meanwhile, or not ours */
    }
  }
}

/** initdb + start of a fresh cluster; see the header. */
export async function startTempPostgres(opts: TempPostgresOptions = {}): Promise<TempPostgres> {
  const bindir = findPgBindir();
  if (!bindir) {
    throw new Error(`PostgreSQL ≥ ${MIN_MAJOR} binaries not found (set PG_BINDIR, or run \`bash scripts/ensure-postgres.sh\` once, which installs them)`);
  }
  if (isRoot() && spawnSync('id', [OS_USER], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`running as root needs the OS user "${OS_USER}" (initdb refuses root); \`bash scripts/ensure-postgres.sh\` creates it`);
  }
  const owner = processId(opts.ownerPid ?? process.pid);
  if (!owner) throw new Error(`owner process ${opts.ownerPid} does not exist`);
  await reapStale();
  // /tmp, not $TMPDIR: the postgres user must be able to reach the folder.
  const dir = fs.mkdtempSync(DIR_PREFIX);
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  fs.writeFileSync(path.join(dir, 'owner'), `${owner}\n`);
  fs.mkdirSync(data, { mode: 0o700 });
  fs.mkdirSync(sock);
  if (isRoot()) {
    const r = spawnSync('chown', ['-R', `${OS_USER}:`, dir], { stdio: 'ignore', timeout: 10_000 });
    if (r.status !== 0) throw new Error(`chown ${dir} failed`);
  }
  const pgCtl = q(path.join(bindir, 'pg_ctl'));
  let port = 0;
  let destroyed = false;

  const startCmd = () => {
    const durability = opts.productionDurability ? [] : ['fsync=off', 'full_page_writes=off', ...(opts.durableCommits ? [] : ['synchronous_commit=off'])];
    const settings = [...durability, `max_connections=${opts.maxConnections ?? 100}`];
    const o = `-h 127.0.0.1 -p ${port} -k ${sock} ${settings.map((s) => `-c ${s}`).join(' ')}`;
    return `cd ${q(dir)} && ${pgCtl} -D ${q(data)} -l ${q(path.join(dir, 'server.log'))} -o ${q(o)} -w -t 60 start`;
  };
  const onExit = () => {
    if (destroyed) return;
    destroyed = true;
    if (postmasterPid(data) !== null) asOwnerSync(`${pgCtl} -D ${q(data)} -m immediate -w -t 20 stop`, 25_000);
    const pid = postmasterPid(data);
    if (pid !== null && alive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (!opts.detached) process.once('exit', onExit);

  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    process.removeListener('exit', onExit);
    await destroyTempPostgresDir(dir);
  };

  try {
    await asOwner(`cd ${q(dir)} && ${q(path.join(bindir, 'initdb'))} -D ${q(data)} --auth=trust -U postgres --encoding=UTF8 --locale=C --no-sync`, 120_000);
    let lastError: unknown;
    for (let attempt = 1; attempt <= 5; attempt++) {
      port = await freePort();
      try {
        await asOwner(startCmd(), 70_000);
        lastError = undefined;
        break;
      } catch (e) {
        lastError = e;
        log(`start on port ${port} failed (attempt ${attempt})`);
        await asOwner(`${pgCtl} -D ${q(data)} -m immediate -w stop`, 20_000).catch(() => undefined);
      }
    }
    if (lastError) throw lastError;
  } catch (e) {
    await destroy();
    throw e;
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    bindir,
    stop: async (mode = 'immediate') => {
      await asOwner(`${pgCtl} -D ${q(data)} -m ${mode} -w -t 30 stop`, 40_000);
    },
    start: async () => {
      await asOwner(startCmd(), 70_000);
    },
    destroy,
  };
}
