// Applies drizzle-kit migrations with drizzle's own migrators (never a hand-written SQL splitter).
import { sql } from 'drizzle-orm';
import { env } from '@/core/env';
import { handle, MIGRATIONS_FOLDER } from './client';

export async function migrateDatabase(): Promise<void> {
  const url = env().DATABASE_URL;
  if (!url) {
    const h = await handle();
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(h.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // One dedicated connection, so the advisory lock and the migration share a session; several
  // app processes starting at once against one PostgreSQL then migrate one after another.
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(client);
    await db.execute(sql`select pg_advisory_lock(727274)`);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await db.execute(sql`select pg_advisory_unlock(727274)`);
  } finally {
    await client.end({ timeout: 5 });
  }
}
