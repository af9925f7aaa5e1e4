// CLI: compare the fact store of a live database with what a rebuild from the raw rows would write
// (issue 15). Exit status 0 when they agree, 1 with the differences listed.
//   npm run facts:check                        (PGlite in $SUNLIGHT_DATA_DIR, default .data)
//   DATABASE_URL=postgres://… npm run facts:check [-- --district CODE …]
// Read-only (each district-year in its own transaction). District-years being recomputed at the
// time are reported as such: check again when the recompute is over.
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { district: { type: 'string', multiple: true } } });
  const { closeDb } = await import('@/db/client');
  const { allDistricts, checkAll } = await import('@/modules/facts/data/rebuild');
  try {
    let list = await allDistricts();
    if (values.district?.length) list = list.filter((d) => values.district!.includes(d.code));
    const t0 = Date.now();
    const diffs = await checkAll({ districts: list, onProgress: (line) => console.log(`  ${line}`) });
    for (const d of diffs.slice(0, 100)) console.log(JSON.stringify(d));
    console.log(`${diffs.length === 0 ? 'facts agree with the raw rows' : `${diffs.length} difference(s)`} (${list.length} districts, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    if (diffs.length) process.exitCode = 1;
  } finally {
    await closeDb();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
