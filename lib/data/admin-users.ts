// District admin: the district's users (issue 7 extends this with create/import/reset).
import { and, asc, eq } from 'drizzle-orm';
import { schools, userZones, users, zones } from '@/db/schema';
import type { Role } from '@/lib/domain/types';
import { audit } from './audit';
import { inDistrict, notFound } from './context';
import { AppError, type Scope } from './scope';
import { isUuid } from './users';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  school: string | null;
  zones: string[];
  disabled: boolean;
}

export async function districtUsers(scope: Scope): Promise<UserRow[]> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const rows = await tx
      .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, school: schools.name, disabled: users.disabled })
      .from(users)
      .leftJoin(schools, eq(schools.id, users.schoolId))
      .where(eq(users.districtId, s.districtId))
      .orderBy(asc(users.username));
    const uz = await tx
      .select({ userId: userZones.userId, zone: zones.name })
      .from(userZones)
      .innerJoin(zones, eq(zones.id, userZones.zoneId))
      .where(eq(userZones.districtId, s.districtId));
    return rows.map((r) => ({ ...r, zones: uz.filter((z) => z.userId === r.id).map((z) => z.zone) }));
  });
}

/** Disable or enable a user of the caller's own district (never oneself). */
export async function setUserDisabled(scope: Scope, userId: string, disabled: boolean): Promise<void> {
  await inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    if (!isUuid(userId)) notFound();
    const where = and(eq(users.id, userId), eq(users.districtId, s.districtId));
    const [before] = await tx.select({ id: users.id, disabled: users.disabled }).from(users).where(where);
    if (!before) notFound();
    if (before.id === s.userId) throw new AppError('forbidden');
    await tx.update(users).set({ disabled, updatedAt: new Date() }).where(where);
    await audit(tx, s, { entity: 'user', entityId: userId, action: disabled ? 'disable' : 'enable', before, after: { id: userId, disabled } });
  });
}
