// The public page of a school (no login): its disclosures meant for parents and the public —
// audience 'external' or 'both' (§2) — newest first, with their evidence. Internal-audience,
// rejected (§5) and deleted disclosures never appear; nor does an inactive school or district.
import { and, asc, count, desc, eq, inArray, isNull, max, notExists, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { withDistrict } from '@/db/client';
import { checklistItems, checklistVersions, disclosureRejections, disclosures, districts, schools, zones } from '@/db/schema';
import type { Channel, LocalDate, SchoolType } from '@/core/domain/types';
import { evidenceOf, type EvidenceView } from './evidence';

export const PUBLIC_PAGE_SIZE = 20;
const CODE_RE = /^[A-Za-z0-9_-]{1,40}$/;

export interface PublicDisclosure {
  id: string;
  itemCode: string;
  itemName: string;
  disclosedOn: LocalDate;
  channels: Channel[];
  summary: string;
  evidence: EvidenceView[];
}

export interface PublicSchoolPage {
  district: { code: string; name: string };
  school: { code: string; name: string; type: SchoolType };
  disclosures: PublicDisclosure[];
  page: number;
  pages: number;
  total: number;
}

/** A public district by its code (the only cross-district read: one row of `districts`). */
export async function publicDistrict(code: string): Promise<{ id: string; code: string; name: string } | null> {
  if (!CODE_RE.test(code)) return null;
  const [d] = await withDistrict('*', (tx) =>
    tx
      .select({ id: districts.id, code: districts.code, name: districts.name })
      .from(districts)
      .where(and(eq(districts.code, code), eq(districts.active, true))),
  );
  return d ?? null;
}

export async function publicSchool(tx: Tx, districtId: string, code: string) {
  if (!CODE_RE.test(code)) return null;
  const [s] = await tx
    .select()
    .from(schools)
    .where(and(eq(schools.districtId, districtId), eq(schools.code, code), eq(schools.active, true)));
  return s ?? null;
}

/** The conditions under which a disclosure is public (shared with evidence serving and the district index). */
export function publicDisclosureWhere(districtId: string, schoolId: string | string[], tx: Tx) {
  return and(
    eq(disclosures.districtId, districtId),
    typeof schoolId === 'string' ? eq(disclosures.schoolId, schoolId) : inArray(disclosures.schoolId, schoolId),
    inArray(disclosures.audience, ['external', 'both']),
    isNull(disclosures.deletedAt),
    notExists(
      tx
        .select({ one: sql`1` })
        .from(disclosureRejections)
        .where(and(eq(disclosureRejections.disclosureId, disclosures.id), isNull(disclosureRejections.withdrawnAt))),
    ),
  );
}

export async function publicSchoolPage(districtCode: string, schoolCode: string, page = 1): Promise<PublicSchoolPage | null> {
  const district = await publicDistrict(districtCode);
  if (!district) return null;
  return withDistrict(district.id, async (tx) => {
    const school = await publicSchool(tx, district.id, schoolCode);
    if (!school) return null;
    const where = publicDisclosureWhere(district.id, school.id, tx);
    const [{ n }] = await tx.select({ n: count() }).from(disclosures).where(where);
    const total = Number(n);
    const pages = Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE));
    const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
    const rows = await tx
      .select({ id: disclosures.id, itemCode: disclosures.itemCode, disclosedOn: disclosures.disclosedOn, channels: disclosures.channels, summary: disclosures.summary })
      .from(disclosures)
      .where(where)
      .orderBy(desc(disclosures.disclosedOn), desc(disclosures.createdAt), asc(disclosures.id))
      .limit(PUBLIC_PAGE_SIZE)
      .offset((current - 1) * PUBLIC_PAGE_SIZE);
    // Item names: the latest checklist version's wording of each code.
    const names = await tx
      .select({ code: checklistItems.code, name: checklistItems.name })
      .from(checklistItems)
      .innerJoin(checklistVersions, eq(checklistVersions.id, checklistItems.versionId))
      .where(eq(checklistItems.districtId, district.id))
      .orderBy(asc(checklistVersions.year), asc(checklistVersions.version));
    const nameOf = new Map(names.map((r) => [r.code, r.name]));
    const evidence = await evidenceOf(
      tx,
      district.id,
      school.id,
      'disclosure',
      rows.map((r) => r.id),
    );
    return {
      district: { code: district.code, name: district.name },
      school: { code: school.code, name: school.name, type: school.type },
      disclosures: rows.map((r) => ({ ...r, itemName: nameOf.get(r.itemCode) ?? r.itemCode, evidence: evidence.get(r.id) ?? [] })),
      page: current,
      pages,
      total,
    };
  });
}

export interface PublicDistrictIndex {
  district: { code: string; name: string };
  /** The words searched for ('' for the whole list). */
  query: string;
  schools: { code: string; name: string; type: SchoolType; zone: string | null; disclosures: number; latest: LocalDate | null }[];
  /** Active schools of the district, found or not. */
  total: number;
}

/**
 * /p/[district] (issue 14): the district's active schools for the public, each with how many
 * disclosures it has made public and the latest one's date; `query` keeps the schools whose
 * name or code contains it (case-insensitive, spaces ignored at both ends).
 */
export async function publicDistrictIndex(districtCode: string, query = ''): Promise<PublicDistrictIndex | null> {
  const district = await publicDistrict(districtCode);
  if (!district) return null;
  const q = query.trim().slice(0, 40);
  return withDistrict(district.id, async (tx) => {
    const all = await tx
      .select({ id: schools.id, code: schools.code, name: schools.name, type: schools.type, zone: zones.name })
      .from(schools)
      .leftJoin(zones, eq(zones.id, schools.zoneId))
      .where(and(eq(schools.districtId, district.id), eq(schools.active, true)))
      .orderBy(asc(schools.code));
    const needle = q.toLowerCase();
    const found = needle ? all.filter((s) => s.name.toLowerCase().includes(needle) || s.code.toLowerCase().includes(needle)) : all;
    const counts = found.length
      ? await tx
          .select({ schoolId: disclosures.schoolId, n: count(), latest: max(disclosures.disclosedOn) })
          .from(disclosures)
          .where(
            publicDisclosureWhere(
              district.id,
              found.map((s) => s.id),
              tx,
            ),
          )
          .groupBy(disclosures.schoolId)
      : [];
    const bySchool = new Map(counts.map((c) => [c.schoolId, c]));
    return {
      district: { code: district.code, name: district.name },
      query: q,
      schools: found.map((s) => ({ code: s.code, name: s.name, type: s.type, zone: s.zone, disclosures: Number(bySchool.get(s.id)?.n ?? 0), latest: bySchool.get(s.id)?.latest ?? null })),
      total: all.length,
    };
  });
}
