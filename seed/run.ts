// CLI: migrate, seed the demo (only into an empty database), print the demo logins.
//   npx tsx seed/run.ts            (PGlite in $SUNLIGHT_DATA_DIR, default .data)
//   DATABASE_URL=postgres://… npx tsx seed/run.ts
//   SEED_AS_OF=2026-11-20 overrides the reference date.
import { env } from '@/core/env';
import { closeDb, withSystem } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './demo';

async function main(): Promise<void> {
  const t0 = Date.now();
  await migrateDatabase();
  console.log(`migrated in ${Date.now() - t0} ms`);
  const summary = await withSystem((db) => seedDemo(db, { asOf: env().SEED_AS_OF || undefined }));
  if (!summary.seeded) {
    console.log('database already has districts — demo not seeded (nothing changed)');
    return;
  }
  console.log(`demo seeded as of ${summary.asOf} in ${summary.ms} ms:`);
  for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(26)} ${n}`);
  const logins = demoLogins();
  console.log(`\n${logins.length} demo logins, password for all: ${DEMO_PASSWORD}`);
  for (const l of logins.slice(0, 12)) console.log(`  ${l.username.padEnd(22)} ${l.role}${l.school ? ` (${l.school})` : ''}`);
  console.log(`  … and one coordinator per school: <district>.<school code>, e.g. dongcheng.dc01, xishan.xs07`);
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
