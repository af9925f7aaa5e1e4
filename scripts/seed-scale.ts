// CLI: fill a PostgreSQL database with a province-sized synthetic dataset (issue 8).
//   DATABASE_URL=postgres://… npm run seed:scale -- --schools 20000 --years 3
// Options: --schools N (20000), --years N (3, ending with the year of SUNLIGHT_NOW), --per-district N
// (300), --per-zone N (30). "Today" is SUNLIGHT_NOW (default 2026-11-23T10:00:00+08:00).
// Migrates first (never drops anything); districts already present are skipped, so a second run
// changes nothing and an interrupted run can be resumed. PostgreSQL only (not PGlite).
import { parseArgs } from 'node:util';

process.env.SUNLIGHT_NOW ??= '2026-11-23T10:00:00+08:00';

function positive(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer (got ${v})`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      schools: { type: 'string' },
      years: { type: 'string' },
      'per-district': { type: 'string' },
      'per-zone': { type: 'string' },
    },
  });
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('seed:scale needs PostgreSQL: set DATABASE_URL=postgres://… (the embedded PGlite database is not meant for a province-sized dataset).');
    process.exitCode = 2;
    return;
  }
  const { localDateOf } = await import('@/core/domain/dates');
  const { now } = await import('@/core/env');
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedScale, planDistricts, scaleYears } = await import('@/seed/scale');
  const opts = {
    schools: positive('schools', values.schools, 20_000),
    years: positive('years', values.years, 3),
    perDistrict: positive('per-district', values['per-district'], 300),
    perZone: positive('per-zone', values['per-zone'], 30),
    asOf: localDateOf(now()),
  };
  const plan = planDistricts(opts);
  console.log(`seed:scale — ${opts.schools} schools in ${plan.length} districts of ≤ ${opts.perDistrict}, years ${scaleYears(opts).join(', ')}, as of ${opts.asOf}`);
  const t0 = Date.now();
  await migrateDatabase();
  console.log(`migrated in ${Date.now() - t0} ms`);

  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'sunlight-seed-scale' } });
  try {
    const summary = await seedScale(sql, opts, (line) => console.log(line));
    if (summary.skipped === summary.districts) {
      console.log(`all ${summary.districts} districts are already present — nothing changed`);
      return;
    }
    console.log(`\nrows written per table${summary.skipped ? ` (${summary.skipped} districts already present were skipped)` : ''}:`);
    let total = 0;
    for (const [table, n] of Object.entries(summary.counts)) {
      if (n === 0) continue;
      total += n;
      console.log(`  ${table.padEnd(26)} ${String(n).padStart(10)}`);
    }
    console.log(`  ${'total'.padEnd(26)} ${String(total).padStart(10)}`);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`\nseeded in ${s(summary.ms)} (generating ${s(summary.generateMs)}, COPY ${s(summary.copyMs)}, the rest: hash, analyze)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
