// District admin: the district's users (DESIGN §1, issue 7). Created with a one-time temporary
// password, edited, disabled (never deleted), password reset. Coordinators have exactly one
// school, evaluators optionally zones; usernames are unique platform-wide.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { apiTokens, districts, schools, userZones, users, zones, type School, type Zone } from '@/db/schema';
import { now } from '@/core/env';
import { hashPassword } from '@/core/auth/password';
import type { Role } from '@/core/domain/types';
import type { CreateUserInput, UpdateUserInput } from '@/modules/org/validation/org';
import { isUniqueViolation, takenUsernames, temporaryPassword } from './accounts';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import { requireRole, type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { endSessions, isUuid } from '@/core/auth/users';
import { fieldError } from '@/core/forms/field-errors';
import type { IssuedPassword } from '@/modules/org/validation/states';
import type { Saved } from '@/core/forms/state';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  school: string | null;
  zones: string[];
  disabled: boolean;
  mustChangePassword: boolean;
}

export async function districtUsers(scope: Scope): Promise<UserRow[]> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const rows = await tx
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        school: schools.name,
        disabled: users.disabled,
        mustChangePassword: users.mustChangePassword,
      })
      .from(users)
      .leftJoin(schools, eq(schools.id, users.schoolId))
      .where(eq(users.districtId, s.districtId))
      .orderBy(asc(users.username));
    const uz = await tx.select({ userId: userZones.userId, zone: zones.name }).from(userZones).innerJoin(zones, eq(zones.id, userZones.zoneId)).where(eq(userZones.districtId, s.districtId));
    return rows.map((r) => ({ ...r, zones: uz.filter((z) => z.userId === r.id).map((z) => z.zone) }));
  });
}

export interface UserFormOptions {
  districtCode: string;
  schools: Pick<School, 'id' | 'code' | 'name' | 'active'>[];
  zones: Pick<Zone, 'id' | 'code' | 'name' | 'active'>[];
}

async function formOptions(tx: Tx, districtId: string): Promise<UserFormOptions> {
  const [[d], schoolRows, zoneRows] = await Promise.all([
    tx.select({ code: districts.code }).from(districts).where(eq(districts.id, districtId)),
    tx.select({ id: schools.id, code: schools.code, name: schools.name, active: schools.active }).from(schools).where(eq(schools.districtId, districtId)).orderBy(asc(schools.code)),
    tx.select({ id: zones.id, code: zones.code, name: zones.name, active: zones.active }).from(zones).where(eq(zones.districtId, districtId)).orderBy(asc(zones.sortOrder), asc(zones.code)),
  ]);
  return { districtCode: d?.code ?? '', schools: schoolRows, zones: zoneRows };
}

/** Schools and zones to choose from, and the district code that prefixes suggested usernames. */
export async function userFormOptions(scope: Scope): Promise<UserFormOptions> {
  return inDistrict(scope, ['districtAdmin'], (tx, s) => formOptions(tx, s.districtId));
}

async function userOfDistrict(tx: Tx, districtId: string, userId: string) {
  if (!isUuid(userId)) notFound();
  const [u] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.districtId, districtId)));
  if (!u) notFound();
  const links = await tx
    .select({ zoneId: userZones.zoneId })
    .from(userZones)
    .where(and(eq(userZones.districtId, districtId), eq(userZones.userId, u.id)));
  return { ...u, zoneIds: links.map((l) => l.zoneId) };
}

export async function getUser(scope: Scope, userId: string) {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const { passwordHash: _hash, ...user } = await userOfDistrict(tx, s.districtId, userId);
    return { user, options: await formOptions(tx, s.districtId), self: user.id === s.userId };
  });
}

/** The school and zones chosen must be active ones of the caller's district. */
async function checkScope(tx: Tx, districtId: string, input: { schoolId: string | null; zoneIds: string[] }, keep: { schoolId?: string | null; zoneIds?: string[] } = {}): Promise<Saved<null>> {
  if (input.schoolId && input.schoolId !== keep.schoolId) {
    const [sc] = isUuid(input.schoolId)
      ? await tx
          .select()
          .from(schools)
          .where(and(eq(schools.id, input.schoolId), eq(schools.districtId, districtId)))
      : [];
    if (!sc || !sc.active) return { ok: false, errors: fieldError('schoolId', 'adminForm.unknownSchool') };
  }
  const fresh = input.zoneIds.filter((z) => !keep.zoneIds?.includes(z));
  if (fresh.length) {
    if (!fresh.every(isUuid)) return { ok: false, errors: fieldError('zoneIds', 'adminForm.unknownZone') };
    const found = await tx
      .select({ id: zones.id })
      .from(zones)
      .where(and(eq(zones.districtId, districtId), eq(zones.active, true), inArray(zones.id, fresh)));
    if (found.length !== new Set(fresh).size) return { ok: false, errors: fieldError('zoneIds', 'adminForm.unknownZone') };
  }
  return { ok: true, value: null };
}

export async function createUser(scope: Scope, input: CreateUserInput): Promise<Saved<IssuedPassword>> {
  requireRole(scope, ['districtAdmin']); // before the platform-wide name lookup
  if ((await takenUsernames([input.username])).size) return { ok: false, errors: fieldError('username', 'adminForm.usernameTaken') };
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    return await inDistrict(scope, ['districtAdmin'], async (tx, s) => {
      const check = await checkScope(tx, s.districtId, input);
      if (!check.ok) return check;
      const [row] = await tx
        .insert(users)
        .values({
          districtId: s.districtId,
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          schoolId: input.role === 'coordinator' ? input.schoolId : null,
          passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: users.id });
      const zoneIds = input.role === 'evaluator' ? [...new Set(input.zoneIds)] : [];
      if (zoneIds.length) await tx.insert(userZones).values(zoneIds.map((zoneId) => ({ districtId: s.districtId, userId: row!.id, zoneId })));
      await audit(tx, s, {
        entity: 'user',
        entityId: row!.id,
        action: 'create',
        after: { username: input.username, displayName: input.displayName, role: input.role, schoolId: input.schoolId, zoneIds },
      });
      return { ok: true, value: { username: input.username, password } };
    });
  } catch (e) {
    // Another admin took the name between the check and the insert.
    if (isUniqueViolation(e)) return { ok: false, errors: fieldError('username', 'adminForm.usernameTaken') };
    throw e;
  }
}

export async function updateUser(scope: Scope, input: UpdateUserInput): Promise<Saved> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const before = await userOfDistrict(tx, s.districtId, input.userId);
    // An admin cannot demote themselves (the district could be left without an admin).
    if (before.id === s.userId && input.role !== before.role) return { ok: false, errors: fieldError('role', 'adminForm.ownRole') };
    const check = await checkScope(tx, s.districtId, input, before);
    if (!check.ok) return check;
    const schoolId = input.role === 'coordinator' ? input.schoolId : null;
    const zoneIds = input.role === 'evaluator' ? [...new Set(input.zoneIds)] : [];
    const where = and(eq(users.id, before.id), eq(users.districtId, s.districtId));
    await tx.update(users).set({ displayName: input.displayName, role: input.role, schoolId, updatedAt: now() }).where(where);
    await tx.delete(userZones).where(and(eq(userZones.districtId, s.districtId), eq(userZones.userId, before.id)));
    if (zoneIds.length) await tx.insert(userZones).values(zoneIds.map((zoneId) => ({ districtId: s.districtId, userId: before.id, zoneId })));
    await audit(tx, s, {
      entity: 'user',
      entityId: before.id,
      action: 'update',
      before: { displayName: before.displayName, role: before.role, schoolId: before.schoolId, zoneIds: before.zoneIds },
      after: { displayName: input.displayName, role: input.role, schoolId, zoneIds },
    });
    return { ok: true, value: before.id };
  });
}

/**
 * An admin's reset or disabling (the answer to a compromised account, issue 13): every session of
 * the user ends and their API tokens are revoked (a token made with a stolen cookie must not
 * outlive the cookie). Returns how many tokens were revoked.
 */
async function endAllAccess(tx: Tx, districtId: string, userId: string): Promise<number> {
  await endSessions(tx, userId);
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: now() })
    .where(and(eq(apiTokens.districtId, districtId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}

/** Disable or enable a user of the caller's own district (never oneself). */
export async function setUserDisabled(scope: Scope, userId: string, disabled: boolean): Promise<void> {
  await inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    if (!isUuid(userId)) notFound();
    const where = and(eq(users.id, userId), eq(users.districtId, s.districtId));
    const [before] = await tx.select({ id: users.id, disabled: users.disabled }).from(users).where(where);
    if (!before) notFound();
    if (before.id === s.userId) throw new AppError('forbidden');
    await tx.update(users).set({ disabled, updatedAt: now() }).where(where);
    // Disabling ends the user's sessions and API tokens for good: enabling again revives neither (issue 13).
    const tokensRevoked = disabled ? await endAllAccess(tx, s.districtId, userId) : 0;
    await audit(tx, s, { entity: 'user', entityId: userId, action: disabled ? 'disable' : 'enable', before, after: { id: userId, disabled, ...(tokensRevoked ? { tokensRevoked } : {}) } });
  });
}

/**
 * Issues a new one-time temporary password (shown once to the admin; only its hash is stored) and
 * makes the user change it at the next sign-in. Admins change their own on /account/password.
 */
export async function resetUserPassword(scope: Scope, userId: string): Promise<IssuedPassword> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const user = await userOfDistrict(tx, s.districtId, userId);
    if (user.id === s.userId) throw new AppError('forbidden');
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: now() })
      .where(and(eq(users.id, user.id), eq(users.districtId, s.districtId)));
    // Whoever holds a session or an API token of this user (the user, or someone with a copy) is cut off.
    const tokensRevoked = await endAllAccess(tx, s.districtId, user.id);
    await audit(tx, s, {
      entity: 'user',
      entityId: user.id,
      action: 'resetPassword',
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: true, ...(tokensRevoked ? { tokensRevoked } : {}) },
    });
    return { username: user.username, password };
  });
}
