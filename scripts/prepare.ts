// Runs in its own process before the server (scripts/server.mjs): applies migrations, installs the
// reference data (the default checklist template) and seeds the demo data when
// the database is empty (so starting twice never seeds twice). Migrating a new PGlite folder
// costs a lot of memory, which is why it does not happen inside the server process.
import { closeDb, handle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { installReferenceData } from '@/modules/checklist/data/reference';
import { seedDemo } from '@/seed/demo';
import { expireAllStalePending } from '@/modules/disclosures/data/evidence-pending';

const noSeed = process.argv.includes('--no-seed');

try {
  const started = Date.now();
  await migrateDatabase();
  const h = await handle();
  await installReferenceData(h.db);
  console.log(`✓ 数据库已就绪 / database ready (${h.kind}, ${Date.now() - started} ms)`);
  if (!noSeed) {
    const t = Date.now();
    const summary = await seedDemo(h.db);
    if (summary.seeded) console.log(`✓ 已写入演示数据 / demo data seeded (${Date.now() - t} ms)`);
    else console.log('✓ 演示数据已存在，未重复写入 / demo data already present, not seeded again');
  }
  // Uploads for forms never saved, untouched for a day, free their space (issue 13).
  const expired = await expireAllStalePending(h.db);
  if (expired) console.log(`✓ 已清理 ${expired} 个超过一天未保存的上传文件 / expired ${expired} pending uploads older than a day`);
  await closeDb();
  process.exit(0);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await closeDb().catch(() => {});
  process.exit(1);
}
