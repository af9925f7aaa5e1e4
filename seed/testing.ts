// THE set-up of the integration tests (`*.int.test.ts`): a fresh database of the file's own — a
// copy of the seeded template built once per run (db/testing.ts): PGlite, or a new database on
// PostgreSQL with SUNLIGHT_TEST_DB=postgres — holding the demo seed, with "today" fixed at the
// demo's date, and the scope of a demo user by username.
//
//   let demo: SeededDemo;
//   beforeAll(async () => { demo = await seededDemo(); review = await import('./review'); });
//   afterAll(() => demo?.cleanup());
//   const s = await scopeOf('dongcheng.eval');
//
// App modules that read the database are imported dynamically after seededDemo() resolved: the
// client reads the environment on first use.
import { eq } from 'drizzle-orm';
import { freshTestDatabase, type TestDatabase } from '@/db/testing';
import type { Scope } from '@/core/scope';

export const DEMO_NOW = '2026-11-23T10:00:00+08:00';

export interface SeededDemo {
  client: typeof import('@/db/client');
  db: TestDatabase;
  /** Close the connection and delete the database. Idempotent. */
  cleanup(): Promise<void>;
}

export async function seededDemo(now = DEMO_NOW): Promise<SeededDemo> {
  process.env.SUNLIGHT_NOW = now;
  // The template's rows are stamped at DEMO_NOW: another "today" seeds a database of its own.
  const fresh = await freshTestDatabase({ seeded: now === DEMO_NOW });
  const client = await import('@/db/client');
  if (!fresh.seeded) {
    const { seedDemo } = await import('./demo');
    await seedDemo(await client.getDb());
  }
  return {
    client,
    db: fresh,
    async cleanup() {
      await client.closeDb();
      await fresh.cleanup();
    },
  };
}

/** The scope of a demo user, as a request of theirs would get it. */
export async function scopeOf(username: string): Promise<Scope> {
  const client = await import('@/db/client');
  const { users } = await import('@/db/schema');
  const { loadScope } = await import('@/core/auth/users');
  const [u] = await client.withSystem((db) => db.select({ id: users.id }).from(users).where(eq(users.username, username)));
  if (!u) throw new Error(`no user ${username}`);
  const s = await loadScope(u.id);
  if (!s) throw new Error(`no scope for ${username}`);
  return s;
}

/**
 * Runs `fn` with the app's clock started at `when` (e.g. after a quarter ended), then puts it back
 * at `back` (the demo's date): for rules that depend on the day, such as when a report may be
 * submitted (§3).
 */
export async function atClock<T>(when: string, fn: () => Promise<T>, back: string = DEMO_NOW): Promise<T> {
  const { resetEnvForTests } = await import('@/core/env');
  process.env.SUNLIGHT_NOW = when;
  resetEnvForTests();
  try {
    return await fn();
  } finally {
    process.env.SUNLIGHT_NOW = back;
    resetEnvForTests();
  }
}
