// A PostgreSQL cluster of a test's own, for tests that must stop and start the server (fault
// injection, e.g. db/pg-restart.int.test.ts) without disturbing the shared test server of
// TEST_DATABASE_URL. The same recipe as scripts/lib/pg-temp.sh, in TypeScript:
//
// - binaries: $PG_BINDIR, else /usr/lib/postgresql/15/bin, else the newest /usr/lib/postgresql/<≥15>/bin
//   (this helper does not install anything: scripts/test.sh / pg-temp.sh do);
// - a fresh cluster in /tmp/sunlight-pg.XXXXXX (data/, sock/, owner), trust auth, user `postgres`,
//   listening on 127.0.0.1 on a free port; as root it is owned by and runs as the `postgres` OS user
//   (initdb refuses root);
// - the folder records "PID STARTTIME" of this process in `owner`, so that pg-temp.sh's stale-folder
//   reaper stops and deletes it if this process dies without cleaning up;
// - fsync off (no OS crash is simulated), but synchronous_commit stays ON: a crash-like stop
//   (`pg_ctl stop -m immediate`) must not lose a commit the client was told about.
//
// Every command is bounded by a timeout; destroy() is idempotent and also runs at process exit.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const OS_USER = 'postgres';
const MIN_MAJOR = 15;

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

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

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

/** "PID STARTTIME" of this process, as pg-temp.sh writes and checks it. */
function ownerId(): string {
  const stat = fs.readFileSync(`/proc/${process.pid}/stat`, 'utf8');
  const rest = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return `${process.pid} ${rest[19]}`;
}

function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** initdb + start of a fresh cluster; see the header. */
export async function startTempPostgres(): Promise<TempPostgres> {
  const bindir = findPgBindir();
  if (!bindir) {
    throw new Error(`PostgreSQL ≥ ${MIN_MAJOR} binaries not found (set PG_BINDIR, or run scripts/test.sh / source scripts/lib/pg-temp.sh once, which installs them)`);
  }
  if (isRoot() && spawnSync('id', [OS_USER], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`running as root needs the OS user "${OS_USER}" (initdb refuses root); scripts/lib/pg-temp.sh creates it`);
  }
  // /tmp, not $TMPDIR: the postgres user must be able to reach the folder.
  const dir = fs.mkdtempSync('/tmp/sunlight-pg.');
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  fs.writeFileSync(path.join(dir, 'owner'), `${ownerId()}\n`);
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
    const opts = `-h 127.0.0.1 -p ${port} -k ${sock} -c fsync=off -c full_page_writes=off -c max_connections=50`;
    return `cd ${q(dir)} && ${pgCtl} -D ${q(data)} -l ${q(path.join(dir, 'server.log'))} -o ${q(opts)} -w -t 60 start`;
  };
  const stopSync = () => {
    if (postmasterPid(data) !== null) asOwnerSync(`${pgCtl} -D ${q(data)} -m immediate -w -t 20 stop`, 25_000);
    const pid = postmasterPid(data);
    if (pid !== null && alive(pid)) process.kill(pid, 'SIGKILL');
  };
  const onExit = () => {
    if (destroyed) return;
    destroyed = true;
    stopSync();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    process.removeListener('exit', onExit);
    const pid = postmasterPid(data);
    if (pid !== null) await asOwner(`${pgCtl} -D ${q(data)} -m fast -w -t 30 stop`, 40_000).catch(() => undefined);
    if (pid !== null && alive(pid)) {
      // pg_ctl could not stop the postmaster we started: kill it, by its pid.
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
    fs.rmSync(dir, { recursive: true, force: true });
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
