// CLI: recompute every fact of the fact store from the raw rows (issue 15).
//   npm run facts:rebuild                      (PGlite in $SUNLIGHT_DATA_DIR, default .data)
//   DATABASE_URL=postgres://… npm run facts:rebuild [-- --district CODE …] [--missing]
// Migrates first. One district-year per transaction, under that district's row-level security, so
// the app keeps running meanwhile (a school's write waits for its school-year's lock at most).
// --missing: only districts without any facts yet (after seed:scale, or to resume a stopped run).
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { district: { type: 'string', multiple: true }, missing: { type: 'boolean' } } });
  const { closeDb, withDistrict } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { allDistricts, rebuildAll } = await import('@/modules/facts/data/rebuild');
  const { sql } = await import('drizzle-orm');
  try {
    await migrateDatabase();
    let list = await allDistricts();
    if (values.district?.length) list = list.filter((d) => values.district!.includes(d.code));
    if (values.missing) {
      const have = await withDistrict('*', (tx) => tx.execute(sql`select distinct district_id from school_year_facts`));
      const ids = new Set((Array.isArray(have) ? have : (have as { rows: { district_id: string }[] }).rows).map((r) => (r as { district_id: string }).district_id));
      list = list.filter((d) => !ids.has(d.id));
    }
    const t0 = Date.now();
    console.log(`facts:rebuild — ${list.length} district(s)`);
    const r = await rebuildAll({ districts: list, onProgress: (line) => console.log(`  ${line}`) });
    console.log(`rebuilt ${r.districtYears} district-years (${r.schoolYears} school-years) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await closeDb();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
