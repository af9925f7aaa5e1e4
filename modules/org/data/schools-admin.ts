// District admin: schools (DESIGN §1: code, name, type, zone, active). Created, edited,
// deactivated — never deleted, because disclosures, reports and scores hang off them.
import { now } from '@/core/env';
import { and, asc, count, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { schools, users, zones, type School, type Zone } from '@/db/schema';
import type { SchoolInput } from '@/modules/org/validation/org';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import type { Scope } from '@/core/scope';
import { isUuid } from '@/core/auth/users';
import { zoneInDistrict } from './zones-admin';
import { fieldError } from '@/core/forms/field-errors';
import type { Saved } from '@/core/forms/state';
import { factsForNewSchools } from '@/modules/facts/data/refresh';

export const SCHOOL_PAGE_SIZE = 100;

export interface SchoolFilter {
  q?: string;
  zone?: string; // zone id, or 'none'
  status?: 'active' | 'inactive';
  page?: number;
}

export interface SchoolListRow extends School {
  zoneName: string | null;
  coordinators: string[];
}

export async function listSchools(scope: Scope, filter: SchoolFilter = {}) {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const conds: SQL[] = [eq(schools.districtId, s.districtId)];
    const q = filter.q?.trim();
    if (q) conds.push(or(ilike(schools.code, `%${escapeLike(q)}%`), ilike(schools.name, `%${escapeLike(q)}%`))!);
    if (filter.zone === 'none') conds.push(isNull(schools.zoneId));
    else if (filter.zone && isUuid(filter.zone)) conds.push(eq(schools.zoneId, filter.zone));
    if (filter.status) conds.push(eq(schools.active, filter.status === 'active'));
    const where = and(...conds);
    const page = Math.max(1, filter.page ?? 1);
    const [[{ n }], rows, zoneRows] = await Promise.all([
      tx.select({ n: count() }).from(schools).where(where),
      tx
        .select({ school: schools, zoneName: zones.name })
        .from(schools)
        .leftJoin(zones, eq(zones.id, schools.zoneId))
        .where(where)
        .orderBy(asc(schools.code))
        .limit(SCHOOL_PAGE_SIZE)
        .offset((page - 1) * SCHOOL_PAGE_SIZE),
      tx.select().from(zones).where(eq(zones.districtId, s.districtId)).orderBy(asc(zones.sortOrder), asc(zones.code)),
    ]);
    const ids = rows.map((r) => r.school.id);
    const coords = ids.length
      ? await tx
          .select({ schoolId: users.schoolId, username: users.username })
          .from(users)
          .where(and(eq(users.districtId, s.districtId), eq(users.role, 'coordinator'), eq(users.disabled, false)))
      : [];
    const bySchool = new Map<string, string[]>();
    for (const c of coords) if (c.schoolId) bySchool.set(c.schoolId, [...(bySchool.get(c.schoolId) ?? []), c.username]);
    const list: SchoolListRow[] = rows.map((r) => ({ ...r.school, zoneName: r.zoneName, coordinators: bySchool.get(r.school.id) ?? [] }));
    return { rows: list, total: Number(n), page, pageSize: SCHOOL_PAGE_SIZE, zones: zoneRows };
  });
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One school of the caller's district, or 404 (never another district's). */
async function schoolOfDistrict(tx: Tx, districtId: string, schoolId: string): Promise<School> {
  if (!isUuid(schoolId)) notFound();
  const [row] = await tx
    .select()
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.districtId, districtId)));
  if (!row) notFound();
  return row;
}

export async function getSchool(scope: Scope, schoolId: string): Promise<{ school: School; zones: Zone[] }> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const school = await schoolOfDistrict(tx, s.districtId, schoolId);
    const zoneRows = await tx.select().from(zones).where(eq(zones.districtId, s.districtId)).orderBy(asc(zones.sortOrder), asc(zones.code));
    return { school, zones: zoneRows };
  });
}

/** The zones a school form offers. */
export async function districtZones(scope: Scope): Promise<Zone[]> {
  return inDistrict(scope, ['districtAdmin'], (tx, s) => tx.select().from(zones).where(eq(zones.districtId, s.districtId)).orderBy(asc(zones.sortOrder), asc(zones.code)));
}

/** Code unique in the district; the zone one of the district's active zones (a school may keep the inactive zone it has). */
async function checkInput(tx: Tx, districtId: string, input: SchoolInput, current?: School): Promise<Saved<null>> {
  const same = await tx.select({ id: schools.id, code: schools.code }).from(schools).where(eq(schools.districtId, districtId));
  if (same.some((x) => x.id !== current?.id && x.code.toLowerCase() === input.code.toLowerCase())) return { ok: false, errors: fieldError('code', 'adminForm.codeTaken') };
  if (input.zoneId && input.zoneId !== current?.zoneId) {
    const zone = await zoneInDistrict(tx, districtId, input.zoneId).catch(() => null);
    if (!zone || !zone.active) return { ok: false, errors: fieldError('zoneId', 'adminForm.unknownZone') };
  }
  return { ok: true, value: null };
}

export async function createSchool(scope: Scope, input: SchoolInput): Promise<Saved> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const check = await checkInput(tx, s.districtId, input);
    if (!check.ok) return check;
    const [row] = await tx
      .insert(schools)
      .values({ districtId: s.districtId, ...input })
      .returning();
    await audit(tx, s, { entity: 'school', entityId: row!.id, action: 'create', after: row });
    await factsForNewSchools(tx, s.districtId, [row!.id]);
    return { ok: true, value: row!.id };
  });
}

export async function updateSchool(scope: Scope, schoolId: string, input: SchoolInput): Promise<Saved> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const before = await schoolOfDistrict(tx, s.districtId, schoolId);
    const check = await checkInput(tx, s.districtId, input, before);
    if (!check.ok) return check;
    const [after] = await tx
      .update(schools)
      // `active` changes only through setSchoolActive (deactivate / reactivate).
      .set({ code: input.code, name: input.name, type: input.type, zoneId: input.zoneId, updatedAt: now() })
      .where(and(eq(schools.id, before.id), eq(schools.districtId, s.districtId)))
      .returning();
    await audit(tx, s, { entity: 'school', entityId: before.id, action: 'update', before, after });
    return { ok: true, value: before.id };
  });
}

export async function setSchoolActive(scope: Scope, schoolId: string, active: boolean): Promise<void> {
  await inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const before = await schoolOfDistrict(tx, s.districtId, schoolId);
    await tx
      .update(schools)
      .set({ active, updatedAt: now() })
      .where(and(eq(schools.id, before.id), eq(schools.districtId, s.districtId)));
    await audit(tx, s, { entity: 'school', entityId: before.id, action: active ? 'reactivate' : 'deactivate', before: { active: before.active }, after: { active } });
  });
}
