// Who may download an evidence file (issue 3): users whose scope covers the school, and anyone for
// a file of a public disclosure (external/both audience, not rejected or deleted, active school
// and district). Everyone else gets "not found", so ids cannot be probed.
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { withDistrict } from '@/db/client';
import { disclosures, districts, evidenceFiles, schools } from '@/db/schema';
import { EVIDENCE_MIME_EXT, type EvidenceMime } from '@/modules/disclosures/evidence/detect';
import { readEvidenceBytes } from '@/modules/disclosures/evidence/storage';
import { publicDisclosureWhere, publicDistrict, publicSchool } from './public';
import { coversSchool, type Scope } from '@/core/scope';
import { isUuid } from '@/core/auth/users';

export interface ServedEvidence {
  bytes: Buffer;
  mimeType: EvidenceMime;
  ext: string;
  fileName: string | null;
  sha256: string | null;
  /** Served because the disclosure is public (may be cached by shared caches). */
  isPublic: boolean;
}

const FILE_COLUMNS = {
  id: evidenceFiles.id,
  schoolId: evidenceFiles.schoolId,
  ownerType: evidenceFiles.ownerType,
  ownerId: evidenceFiles.ownerId,
  fileName: evidenceFiles.fileName,
  mimeType: evidenceFiles.mimeType,
  sha256: evidenceFiles.sha256,
  data: evidenceFiles.data,
  storagePath: evidenceFiles.storagePath,
};

async function liveFile(tx: Tx, districtId: string, id: string) {
  const [row] = await tx
    .select(FILE_COLUMNS)
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, id), eq(evidenceFiles.districtId, districtId), eq(evidenceFiles.kind, 'file'), isNull(evidenceFiles.deletedAt)));
  return row && row.mimeType && row.mimeType in EVIDENCE_MIME_EXT ? row : null;
}

async function served(row: NonNullable<Awaited<ReturnType<typeof liveFile>>>, isPublic: boolean): Promise<ServedEvidence> {
  const mimeType = row.mimeType as EvidenceMime;
  return { bytes: await readEvidenceBytes(row), mimeType, ext: EVIDENCE_MIME_EXT[mimeType], fileName: row.fileName, sha256: row.sha256, isPublic };
}

/** Whether a file row belongs to a public disclosure of an active school. */
async function isPublicFile(tx: Tx, districtId: string, row: { schoolId: string; ownerType: string; ownerId: string }, schoolCode?: string): Promise<boolean> {
  if (row.ownerType !== 'disclosure') return false;
  const [school] = await tx
    .select({ id: schools.id, code: schools.code })
    .from(schools)
    .innerJoin(districts, eq(districts.id, schools.districtId))
    .where(and(eq(schools.id, row.schoolId), eq(schools.districtId, districtId), eq(schools.active, true), eq(districts.active, true)));
  if (!school || (schoolCode !== undefined && school.code !== schoolCode)) return false;
  const [d] = await tx
    .select({ id: disclosures.id })
    .from(disclosures)
    .where(and(eq(disclosures.id, row.ownerId), publicDisclosureWhere(districtId, school.id, tx)));
  return Boolean(d);
}

/** /files/[id]: the signed-in user's own scope first, then the public rule; null = 404. */
export async function evidenceForViewer(scope: Scope | null, id: string): Promise<ServedEvidence | null> {
  if (!isUuid(id)) return null;
  if (scope?.districtId) {
    const districtId = scope.districtId;
    const own = await withDistrict(districtId, async (tx) => {
      const row = await liveFile(tx, districtId, id);
      if (!row) return null;
      const [school] = await tx.select({ id: schools.id, districtId: schools.districtId, zoneId: schools.zoneId }).from(schools).where(eq(schools.id, row.schoolId));
      return school && coversSchool(scope, school) ? served(row, false) : null;
    });
    if (own) return own;
  }
  // The district of a file outside the caller's scope: one column of one row, then the public rule inside that district.
  const [owner] = await withDistrict('*', (tx) => tx.select({ districtId: evidenceFiles.districtId }).from(evidenceFiles).where(eq(evidenceFiles.id, id)));
  if (!owner) return null;
  return withDistrict(owner.districtId, async (tx) => {
    const row = await liveFile(tx, owner.districtId, id);
    return row && (await isPublicFile(tx, owner.districtId, row)) ? served(row, true) : null;
  });
}

/** /p/[district]/[school]/files/[id]: a file of one of that school's public disclosures; null = 404. */
export async function publicEvidence(districtCode: string, schoolCode: string, id: string): Promise<ServedEvidence | null> {
  if (!isUuid(id)) return null;
  const district = await publicDistrict(districtCode);
  if (!district) return null;
  return withDistrict(district.id, async (tx) => {
    if (!(await publicSchool(tx, district.id, schoolCode))) return null;
    const row = await liveFile(tx, district.id, id);
    return row && (await isPublicFile(tx, district.id, row, schoolCode)) ? served(row, true) : null;
  });
}
