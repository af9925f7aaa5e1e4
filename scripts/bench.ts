// Benchmark (issue 4, not a timed test): server-side time of the review queue and the year's
// coverage matrix on the demo seed and on a generated district of 500 schools, in a temporary
// PGlite — and in a temporary database on PostgreSQL when DATABASE_URL is set. Prints p50/p95.
//   npm run bench                      (PGlite only)
//   DATABASE_URL=postgres://… npm run bench
//   BENCH_SCHOOLS=1000 BENCH_RUNS=50 npm run bench
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';

process.env.SUNLIGHT_NOW ??= '2026-11-23T10:00:00+08:00';
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;

interface Row {
  db: string;
  dataset: string;
  fn: string;
  rows: number;
  p50: number;
  p95: number;
  max: number;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

async function measure(fn: () => Promise<number>, before?: () => void, runs = RUNS): Promise<{ rows: number; p50: number; p95: number; max: number }> {
  let rows = 0;
  for (let i = 0; i < WARMUP; i++) rows = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { rows, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1]! };
}

async function runOn(kind: 'pglite' | 'postgres'): Promise<Row[]> {
  const { freshTestDatabase } = await import('@/db/testing');
  if (kind === 'postgres') {
    process.env.SUNLIGHT_TEST_DB = 'postgres';
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  } else {
    delete process.env.SUNLIGHT_TEST_DB;
  }
  const fresh = await freshTestDatabase();
  const out: Row[] = [];
  try {
    const client = await import('@/db/client');
    const schema = await import('@/db/schema');
    const { loadScope } = await import('@/lib/data/users');
    const { reviewQueue } = await import('@/lib/data/review');
    const { coverageMatrix } = await import('@/lib/data/matrix');
    const { clearSchoolTableCache } = await import('@/lib/data/school-table-cache');
    const { seedDemo } = await import('@/seed/demo');
    const { seedSynthetic } = await import('@/seed/synthetic');
    const db = await client.getDb();
    let t = Date.now();
    await seedDemo(db);
    console.error(`[${kind}] demo seeded in ${Date.now() - t} ms`);
    t = Date.now();
    const synth = await seedSynthetic(db, { schools: SCHOOLS });
    console.error(`[${kind}] ${SCHOOLS}-school district generated in ${Date.now() - t} ms (${synth.counts.disclosures} disclosures, ${synth.counts.declared_events} events)`);
    const scopeOf = async (username: string) => {
      const [u] = await client.withSystem((d) => d.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, username)));
      const s = await loadScope(u!.id);
      if (!s) throw new Error(`no scope for ${username}`);
      return s;
    };
    for (const [dataset, username] of [
      ['demo (东城区, 26 schools)', 'dongcheng.eval'],
      [`synthetic (${SCHOOLS} schools)`, synth.evaluatorUsername],
    ] as const) {
      const scope = await scopeOf(username);
      const cases: [string, () => Promise<number>][] = [
        ['reviewQueue 2026 Q4', async () => (await reviewQueue(scope, { year: 2026, quarter: 4 })).rows.length],
        ['reviewQueue 2026 Q3', async () => (await reviewQueue(scope, { year: 2026, quarter: 3 })).rows.length],
        ['coverageMatrix 2026 (year)', async () => (await coverageMatrix(scope, { year: 2026, quarter: null })).rows.length],
      ];
      for (const [fn, run] of cases) {
        // Steady state: the cache holds while nothing changed (see lib/data/school-table-cache.ts).
        out.push({ db: kind, dataset, fn, ...(await measure(run)) });
        // Cold: right after a change (every run recomputes everything from the database).
        out.push({ db: kind, dataset, fn: `${fn} — cold`, ...(await measure(run, clearSchoolTableCache, Math.min(RUNS, 10))) });
      }
    }
  } finally {
    await fresh.cleanup();
  }
  return out;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const pgUrl = process.env.DATABASE_URL;
  rows.push(...(await runOn('pglite')));
  if (pgUrl) {
    process.env.DATABASE_URL = pgUrl;
    rows.push(...(await runOn('postgres')));
  }
  console.log(`\nServer-side time of the data functions (${RUNS} runs after ${WARMUP} warm-up; ms)\n`);
  console.log(['db', 'dataset', 'function', 'schools', 'p50', 'p95', 'max'].join('\t'));
  for (const r of rows) console.log([r.db, r.dataset, r.fn, r.rows, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1)].join('\t'));
  const slow = rows.filter((r) => r.p95 > 100 && !r.fn.endsWith('cold'));
  console.log(slow.length ? `\n${slow.length} steady-state case(s) above the 100 ms p95 target.` : '\nAll steady-state cases within the 100 ms p95 target (cold = first read after a change).');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
