// Users: scope resolution (system context: runs before any district is known) and account data.
import { eq } from 'drizzle-orm';
import { withSystem } from '@/db/client';
import { userZones, users } from '@/db/schema';
import type { Scope } from '@/core/scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

/** The scope of an active user, read fresh from the database; null when unknown or disabled. */
export async function loadScope(userId: string): Promise<Scope | null> {
  if (!isUuid(userId)) return null;
  return withSystem(async (db) => {
    const [u] = await db.select().from(users).where(eq(users.id, userId));
    if (!u || u.disabled) return null;
    let zoneIds: string[] | null = null;
    if (u.role === 'evaluator') {
      const rows = await db.select({ zoneId: userZones.zoneId }).from(userZones).where(eq(userZones.userId, u.id));
      zoneIds = rows.length ? rows.map((r) => r.zoneId) : null;
    }
    return {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      districtId: u.districtId,
      schoolId: u.role === 'coordinator' ? u.schoolId : null,
      zoneIds,
      mustChangePassword: u.mustChangePassword,
    };
  });
}
