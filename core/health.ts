import { sql } from 'drizzle-orm';
import { handle } from '@/db/client';
import { env } from './env';

export async function databaseHealth(): Promise<{ ok: boolean; kind: 'pglite' | 'postgres' }> {
  const kind = env().DATABASE_URL ? 'postgres' : 'pglite';
  try {
    const h = await handle();
    await Promise.race([h.db.execute(sql`select 1`), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
    return { ok: true, kind: h.kind };
  } catch {
    return { ok: false, kind };
  }
}
