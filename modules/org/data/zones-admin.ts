// District admin: zones (片区, DESIGN §1). Created, edited, deactivated — never deleted; a zone
// that still has schools is deactivated only once the admin said where its schools go.
import { now } from '@/core/env';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { schools, userZones, zones, type Zone } from '@/db/schema';
import type { ZoneInput } from '@/modules/org/validation/org';
import { audit } from '@/core/audit';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import type { Scope } from '@/core/scope';
import { isUuid } from '@/core/auth/users';
import { fieldError } from '@/core/forms/field-errors';
import type { Saved } from '@/core/forms/state';

export interface ZoneRow extends Zone {
  schools: number;
  evaluators: number;
}

export async function listZones(scope: Scope): Promise<ZoneRow[]> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const [rows, schoolCounts, evalCounts] = await Promise.all([
      tx.select().from(zones).where(eq(zones.districtId, s.districtId)).orderBy(asc(zones.sortOrder), asc(zones.code)),
      tx.select({ zoneId: schools.zoneId, n: count() }).from(schools).where(eq(schools.districtId, s.districtId)).groupBy(schools.zoneId),
      tx.select({ zoneId: userZones.zoneId, n: count() }).from(userZones).where(eq(userZones.districtId, s.districtId)).groupBy(userZones.zoneId),
    ]);
    const sc = new Map(schoolCounts.map((r) => [r.zoneId, Number(r.n)]));
    const ec = new Map(evalCounts.map((r) => [r.zoneId, Number(r.n)]));
    return rows.map((z) => ({ ...z, schools: sc.get(z.id) ?? 0, evaluators: ec.get(z.id) ?? 0 }));
  });
}

/** One zone of the caller's district, or 404. */
export async function zoneInDistrict(tx: Tx, districtId: string, zoneId: string): Promise<Zone> {
  if (!isUuid(zoneId)) notFound();
  const [z] = await tx
    .select()
    .from(zones)
    .where(and(eq(zones.id, zoneId), eq(zones.districtId, districtId)));
  if (!z) notFound();
  return z;
}

export async function getZone(scope: Scope, zoneId: string): Promise<{ zone: ZoneRow; others: Zone[] }> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const zone = await zoneInDistrict(tx, s.districtId, zoneId);
    const [[sc], [ec], others] = await Promise.all([
      tx
        .select({ n: count() })
        .from(schools)
        .where(and(eq(schools.districtId, s.districtId), eq(schools.zoneId, zone.id))),
      tx
        .select({ n: count() })
        .from(userZones)
        .where(and(eq(userZones.districtId, s.districtId), eq(userZones.zoneId, zone.id))),
      tx
        .select()
        .from(zones)
        .where(and(eq(zones.districtId, s.districtId), ne(zones.id, zone.id), eq(zones.active, true)))
        .orderBy(asc(zones.sortOrder), asc(zones.code)),
    ]);
    return { zone: { ...zone, schools: Number(sc?.n ?? 0), evaluators: Number(ec?.n ?? 0) }, others };
  });
}

async function codeTaken(tx: Tx, districtId: string, code: string, exceptId?: string): Promise<boolean> {
  const rows = await tx.select({ id: zones.id, code: zones.code }).from(zones).where(eq(zones.districtId, districtId));
  return rows.some((z) => z.id !== exceptId && z.code.toLowerCase() === code.toLowerCase());
}

export async function createZone(scope: Scope, input: ZoneInput): Promise<Saved> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    if (await codeTaken(tx, s.districtId, input.code)) return { ok: false, errors: fieldError('code', 'adminForm.codeTaken') };
    const [row] = await tx
      .insert(zones)
      .values({ districtId: s.districtId, ...input })
      .returning();
    await audit(tx, s, { entity: 'zone', entityId: row!.id, action: 'create', after: row });
    return { ok: true, value: row!.id };
  });
}

export async function updateZone(scope: Scope, zoneId: string, input: ZoneInput): Promise<Saved> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const before = await zoneInDistrict(tx, s.districtId, zoneId);
    if (await codeTaken(tx, s.districtId, input.code, before.id)) return { ok: false, errors: fieldError('code', 'adminForm.codeTaken') };
    const [after] = await tx
      .update(zones)
      .set(input)
      .where(and(eq(zones.id, before.id), eq(zones.districtId, s.districtId)))
      .returning();
    await audit(tx, s, { entity: 'zone', entityId: before.id, action: 'update', before, after });
    return { ok: true, value: before.id };
  });
}

export type DeactivateOutcome = { status: 'deactivated'; movedSchools: number } | { status: 'needsTarget'; schools: number };

/**
 * Deactivates a zone. Its schools move to `moveTo` (another active zone of the district) or, with
 * `moveTo = ''`, to no zone; without a decision the caller is asked (issue 7). Evaluators limited
 * to this zone follow its schools to the new zone, so nobody silently gains or loses schools.
 */
export async function deactivateZone(scope: Scope, zoneId: string, moveTo: string | undefined): Promise<DeactivateOutcome> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const zone = await zoneInDistrict(tx, s.districtId, zoneId);
    const inZone = and(eq(schools.districtId, s.districtId), eq(schools.zoneId, zone.id));
    const [{ n }] = await tx.select({ n: count() }).from(schools).where(inZone);
    const schoolCount = Number(n);
    if (schoolCount > 0 && moveTo === undefined) return { status: 'needsTarget', schools: schoolCount };
    let target: Zone | null = null;
    if (moveTo) {
      target = await zoneInDistrict(tx, s.districtId, moveTo);
      if (target.id === zone.id || !target.active) notFound();
    }
    if (schoolCount > 0) {
      await tx
        .update(schools)
        .set({ zoneId: target?.id ?? null, updatedAt: now() })
        .where(inZone);
    }
    let movedEvaluators: string[] = [];
    if (target) {
      const links = await tx
        .select({ userId: userZones.userId })
        .from(userZones)
        .where(and(eq(userZones.districtId, s.districtId), eq(userZones.zoneId, zone.id)));
      movedEvaluators = links.map((l) => l.userId);
      if (links.length) {
        await tx
          .insert(userZones)
          .values(links.map((l) => ({ districtId: s.districtId, userId: l.userId, zoneId: target!.id })))
          .onConflictDoNothing();
        await tx.delete(userZones).where(and(eq(userZones.districtId, s.districtId), eq(userZones.zoneId, zone.id)));
      }
    }
    await tx
      .update(zones)
      .set({ active: false })
      .where(and(eq(zones.id, zone.id), eq(zones.districtId, s.districtId)));
    await audit(tx, s, {
      entity: 'zone',
      entityId: zone.id,
      action: 'deactivate',
      before: { active: true, schools: schoolCount },
      after: { active: false, schoolsMovedTo: target?.id ?? null, movedSchools: schoolCount, movedEvaluators },
    });
    return { status: 'deactivated', movedSchools: schoolCount };
  });
}

export async function reactivateZone(scope: Scope, zoneId: string): Promise<void> {
  await inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const zone = await zoneInDistrict(tx, s.districtId, zoneId);
    await tx
      .update(zones)
      .set({ active: true })
      .where(and(eq(zones.id, zone.id), eq(zones.districtId, s.districtId)));
    await audit(tx, s, { entity: 'zone', entityId: zone.id, action: 'reactivate', before: { active: zone.active }, after: { active: true } });
  });
}
