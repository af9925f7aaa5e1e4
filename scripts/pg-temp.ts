// A throw-away PostgreSQL cluster from the command line (the recipe is db/testing-pg.ts):
//
//   npx tsx scripts/pg-temp.ts                    start, print `select version()`, stop
//   npx tsx scripts/pg-temp.ts run -- CMD [ARGS]  run CMD with TEST_DATABASE_URL set, then stop
//                                                 (also on failure, INT and TERM); exit status of CMD
//   eval "$(npx tsx scripts/pg-temp.ts start --owner $$ [--durable])"
//                                                 start one owned by the calling shell (pid $$): prints
//                                                 `export PG_TEMP_DIR=… TEST_DATABASE_URL=…`; --durable:
//                                                 fsync etc. on, as in production (benchmarks)
//   npx tsx scripts/pg-temp.ts stop "$PG_TEMP_DIR" stop it and delete its folder
//
// A cluster whose owner (the shell, for `start`) is gone is reaped by the next start.
// Binaries: `bash scripts/ensure-postgres.sh` installs Debian's postgresql if needed.
import { spawn } from 'node:child_process';
import { destroyTempPostgresDir, startTempPostgres } from '@/db/testing-pg';

const [cmd = 'version', ...rest] = process.argv.slice(2);
const shq = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

async function main(): Promise<number> {
  switch (cmd) {
    case 'start': {
      // The owner must outlive this command (npx and tsx are short-lived parents): the caller says who.
      const i = rest.indexOf('--owner');
      const ownerPid = Number(rest[i + 1]);
      if (i < 0 || !Number.isInteger(ownerPid)) throw new Error('usage: pg-temp.ts start --owner PID [--durable]');
      const pg = await startTempPostgres({ ownerPid, detached: true, productionDurability: rest.includes('--durable') });
      process.stdout.write(`export PG_TEMP_DIR=${shq(pg.dir)} TEST_DATABASE_URL=${shq(pg.url)}\n`);
      return 0;
    }
    case 'stop': {
      if (!rest[0]) throw new Error('usage: pg-temp.ts stop DIR');
      await destroyTempPostgresDir(rest[0]);
      return 0;
    }
    case 'run':
    case 'version': {
      const argv = rest[0] === '--' ? rest.slice(1) : rest;
      const pg = await startTempPostgres();
      try {
        if (cmd === 'version' || argv.length === 0) {
          const { default: postgres } = await import('postgres');
          const sql = postgres(pg.url, { max: 1 });
          const [{ version }] = await sql<{ version: string }[]>`select version()`;
          await sql.end();
          console.log(`${version}\n${pg.url}`);
          return 0;
        }
        const child = spawn(argv[0]!, argv.slice(1), { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: pg.url } });
        const forward = (sig: NodeJS.Signals) => child.kill(sig);
        process.on('SIGINT', forward);
        process.on('SIGTERM', forward);
        return await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1))));
      } finally {
        await pg.destroy();
      }
    }
    default:
      throw new Error(`unknown command ${cmd} (start | stop DIR | run -- CMD | version)`);
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
