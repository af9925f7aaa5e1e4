// The public page of a school (no login): its disclosures meant for parents and the public —
// audience 'external' or 'both' (§2) — newest first, with their evidence. Internal-audience,
// rejected (§5) and deleted disclosures never appear; nor does an inactive school or district.
import { and, asc, count, desc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { withDistrict } from '@/db/client';
import { checklistItems, checklistVersions, disclosureRejections, disclosures, districts, schools } from '@/db/schema';
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

/** The conditions under which a disclosure is public (shared with evidence serving). */
export function publicDisclosureWhere(districtId: string, schoolId: string, tx: Tx) {
  return and(
    eq(disclosures.districtId, districtId),
    eq(disclosures.schoolId, schoolId),
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
