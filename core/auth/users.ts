// Users: scope resolution (system context: runs before any district is known) and account data.
import { cache } from 'react';
import { eq, sql } from 'drizzle-orm';
import { withSystem, type Db } from '@/db/client';
import { userZones, users } from '@/db/schema';
import type { Scope } from '@/core/scope';
import type { SessionHolder } from './session-validity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

/** The scope of an active user, read fresh from the database; null when unknown or disabled. */
export async function loadScope(userId: string): Promise<Scope | null> {
  return (await loadAccount(userId))?.scope ?? null;
}

/** An active user's scope and session state in one read; null when unknown or disabled. */
export async function loadAccount(userId: string): Promise<{ scope: Scope; session: SessionHolder } | null> {
  if (!isUuid(userId)) return null;
  return withSystem(async (db) => {
    const [u] = await db.select().from(users).where(eq(users.id, userId));
    if (!u || u.disabled) return null;
    let zoneIds: string[] | null = null;
    if (u.role === 'evaluator') {
      const rows = await db.select({ zoneId: userZones.zoneId }).from(userZones).where(eq(userZones.userId, u.id));
      zoneIds = rows.length ? rows.map((r) => r.zoneId) : null;
    }
    const scope: Scope = {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      districtId: u.districtId,
      schoolId: u.role === 'coordinator' ? u.schoolId : null,
      zoneIds,
      mustChangePassword: u.mustChangePassword,
    };
    return { scope, session: { sessionVersion: u.sessionVersion, disabled: u.disabled, mustChangePassword: u.mustChangePassword } };
  });
}

/** loadAccount, read once per request render (the session check and the scope share it). */
export const accountOf = cache(loadAccount);

/**
 * Ends every session of a user (issue 13): bumps the version that session tokens must carry. Runs
 * on the given transaction when there is one, so the bump commits with the change that caused it.
 */
export async function endSessions(db: Pick<Db, 'update'>, userId: string): Promise<void> {
  if (!isUuid(userId)) return;
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
