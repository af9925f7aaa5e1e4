// Shared lookups for the coordinator integration tests, on seed/testing.ts seededDemo() (a fresh
// copy of the seeded demo, PGlite or PostgreSQL, with "today" frozen at the demo date).
import { and, eq } from 'drizzle-orm';
import { seededDemo } from '@/seed/testing';

export interface World {
  client: typeof import('@/db/client');
  schema: typeof import('@/db/schema');
  users: typeof import('@/core/auth/users');
  cleanup(): Promise<void>;
}

export async function seededWorld(): Promise<World> {
  const demo = await seededDemo();
  return { client: demo.client, schema: await import('@/db/schema'), users: await import('@/core/auth/users'), cleanup: demo.cleanup };
}

export async function scopeOf(w: World, username: string) {
  const [u] = await w.client.withSystem((db) => db.select({ id: w.schema.users.id }).from(w.schema.users).where(eq(w.schema.users.username, username)));
  const s = await w.users.loadScope(u!.id);
  if (!s) throw new Error(`no scope for ${username}`);
  return s;
}

/** Reads rows as the owner (no RLS), to check what really is in the database. */
export function sys<T>(w: World, fn: (db: import('@/db/client').Db) => Promise<T>): Promise<T> {
  return w.client.withSystem(fn);
}

export async function reportOf(w: World, schoolCode: string, year: number, quarter: number) {
  const s = w.schema;
  const [row] = await sys(w, (db) =>
    db
      .select({ report: s.quarterlyReports })
      .from(s.quarterlyReports)
      .innerJoin(s.schools, eq(s.schools.id, s.quarterlyReports.schoolId))
      .where(and(eq(s.schools.code, schoolCode), eq(s.quarterlyReports.year, year), eq(s.quarterlyReports.quarter, quarter))),
  );
  return row?.report ?? null;
}

export async function disclosureRow(w: World, id: string) {
  const [row] = await sys(w, (db) => db.select().from(w.schema.disclosures).where(eq(w.schema.disclosures.id, id)));
  return row ?? null;
}

export async function auditOf(w: World, entityId: string) {
  return sys(w, (db) => db.select().from(w.schema.auditLog).where(eq(w.schema.auditLog.entityId, entityId)));
}
