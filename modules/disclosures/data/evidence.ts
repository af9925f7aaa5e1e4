// Evidence of disclosures and rectifications (issue 3, DESIGN §8): uploaded files — type decided
// from the bytes, ≤ 10 MB — and http(s) links. Owners may not exist yet: a form being filled in
// uploads first and saves its disclosure/rectification with the same id afterwards.
import { now } from '@/core/env';
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { disclosures, evidenceFiles, rectifications, type School } from '@/db/schema';
import type { EvidenceRefusal } from '@/modules/disclosures/evidence/detect';
import { inspectEvidence } from '@/modules/disclosures/evidence/inspect';
import { discardEvidenceBytes, storeEvidenceBytes } from '@/modules/disclosures/evidence/storage';
import { isSafeHttpUrl } from '@/modules/disclosures/validation/evidence-links';
import { audit } from '@/core/audit';
import { inDistrict, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { findObligation, openForDisclosure, openForEntry, ownSchool } from '@/modules/obligations/data/entry';
import { type DistrictScope, type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';
import { expireStalePending, lockSchoolUploads, pendingBytes, pendingQuotaBytes, removeExpiredFiles, type Expired } from './evidence-pending';
import { markRejectionRevised } from './rejections';

export type EvidenceOwnerType = 'disclosure' | 'rectification';
export const MAX_EVIDENCE_PER_OWNER = 20;

export interface EvidenceView {
  id: string;
  kind: 'file' | 'link';
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  url: string | null;
}

const VIEW = {
  id: evidenceFiles.id,
  ownerId: evidenceFiles.ownerId,
  kind: evidenceFiles.kind,
  fileName: evidenceFiles.fileName,
  mimeType: evidenceFiles.mimeType,
  size: evidenceFiles.size,
  url: evidenceFiles.url,
};

/** Live evidence of the given owners of one school, oldest first, by owner id. */
export async function evidenceOf(tx: Tx, districtId: string, schoolId: string, ownerType: EvidenceOwnerType, ownerIds: readonly string[]): Promise<Map<string, EvidenceView[]>> {
  const out = new Map<string, EvidenceView[]>();
  if (ownerIds.length === 0) return out;
  const rows = await tx
    .select(VIEW)
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.districtId, districtId),
        eq(evidenceFiles.schoolId, schoolId),
        eq(evidenceFiles.ownerType, ownerType),
        inArray(evidenceFiles.ownerId, [...ownerIds]),
        isNull(evidenceFiles.deletedAt),
      ),
    )
    .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
  for (const { ownerId, ...v } of rows) out.set(ownerId, [...(out.get(ownerId) ?? []), v]);
  return out;
}

/**
 * Whether the caller may attach to / detach from this owner now. An existing disclosure must be
 * the school's own and its quarter open for entries (§3, §5); a sent rectification is final. An
 * id that is not used yet is a form being filled in (the record is checked when it is saved).
 */
async function checkOwnerWritable(tx: Tx, s: DistrictScope, school: School, ownerType: EvidenceOwnerType, ownerId: string): Promise<{ saved: boolean }> {
  if (!isUuid(ownerId)) notFound();
  if (ownerType === 'disclosure') {
    const [d] = await tx
      .select({
        schoolId: disclosures.schoolId,
        year: disclosures.year,
        quarter: disclosures.quarter,
        itemCode: disclosures.itemCode,
        periodKey: disclosures.periodKey,
        createdAt: disclosures.createdAt,
        deletedAt: disclosures.deletedAt,
      })
      .from(disclosures)
      .where(and(eq(disclosures.id, ownerId), eq(disclosures.districtId, s.districtId)));
    if (!d) return { saved: false };
    if (d.schoolId !== school.id || d.deletedAt) notFound();
    // §3: as for the disclosure itself (one added after approval stays open until its deadline).
    const found = await findObligation(tx, s.districtId, school.id, d.itemCode, d.periodKey, today());
    if (found) await openForDisclosure(tx, s, school.id, found.q, found.result.obligation.deadline, d);
    else await openForEntry(tx, s, school.id, { year: d.year, quarter: d.quarter as 1 | 2 | 3 | 4 });
    return { saved: true };
  }
  const [r] = await tx
    .select({ id: rectifications.id })
    .from(rectifications)
    .where(and(eq(rectifications.id, ownerId), eq(rectifications.districtId, s.districtId)));
  if (r) throw new AppError('forbidden');
  return { saved: false };
}

async function checkRoom(tx: Tx, s: DistrictScope, school: School, ownerType: EvidenceOwnerType, ownerId: string): Promise<boolean> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.districtId, s.districtId),
        eq(evidenceFiles.schoolId, school.id),
        eq(evidenceFiles.ownerType, ownerType),
        eq(evidenceFiles.ownerId, ownerId),
        isNull(evidenceFiles.deletedAt),
      ),
    );
  return Number(n) < MAX_EVIDENCE_PER_OWNER;
}

export type AddEvidenceResult = { ok: true; evidence: EvidenceView } | { ok: false; reason: EvidenceRefusal | 'tooMany' | 'urlInvalid' | 'quota' };

/** Coordinator: stores one uploaded file for an owner of their school. */
export async function addEvidenceFile(scope: Scope, input: { ownerType: EvidenceOwnerType; ownerId: string; fileName: string; bytes: Uint8Array }): Promise<AddEvidenceResult> {
  const detected = inspectEvidence(input.bytes);
  if (!detected.ok) return { ok: false, reason: detected.reason };
  let expired: Expired = { count: 0, paths: [] };
  const result = await inDistrict(scope, ['coordinator'], async (tx, s): Promise<AddEvidenceResult> => {
    const school = await ownSchool(tx, s);
    const owner = await checkOwnerWritable(tx, s, school, input.ownerType, input.ownerId);
    if (!(await checkRoom(tx, s, school, input.ownerType, input.ownerId))) return { ok: false, reason: 'tooMany' };
    if (!owner.saved) {
      // A form not saved yet: the school's pending uploads are bounded (issue 13). One upload of
      // the school at a time from here to the insert, so concurrent ones cannot both fit.
      await lockSchoolUploads(tx, school.id);
      expired = await expireStalePending(tx, s.districtId, school.id);
      if ((await pendingBytes(tx, s.districtId, school.id)) + input.bytes.byteLength > pendingQuotaBytes()) return { ok: false, reason: 'quota' };
    }
    const id = randomUUID();
    const stored = await storeEvidenceBytes(s.districtId, id, input.bytes);
    const fileName = input.fileName.normalize('NFC').slice(0, 200) || `evidence.${detected.ext}`;
    try {
      await tx.insert(evidenceFiles).values({
        id,
        districtId: s.districtId,
        schoolId: school.id,
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        kind: 'file',
        fileName,
        mimeType: detected.mime,
        size: stored.size,
        sha256: stored.sha256,
        data: stored.data,
        storagePath: stored.storagePath,
        createdBy: s.userId,
      });
    } catch (e) {
      await discardEvidenceBytes(stored);
      throw e;
    }
    const after = { ownerType: input.ownerType, ownerId: input.ownerId, kind: 'file', fileName, mimeType: detected.mime, size: stored.size, sha256: stored.sha256 };
    await audit(tx, s, { entity: 'evidence', entityId: id, action: 'create', after });
    if (owner.saved && input.ownerType === 'disclosure') await markRejectionRevised(tx, s.districtId, input.ownerId);
    return { ok: true, evidence: { id, kind: 'file', fileName, mimeType: detected.mime, size: stored.size, url: null } };
  });
  await removeExpiredFiles(expired);
  return result;
}

/** Coordinator: adds an http(s) link as evidence. */
export async function addEvidenceLink(scope: Scope, input: { ownerType: EvidenceOwnerType; ownerId: string; url: string }): Promise<AddEvidenceResult> {
  const url = input.url.trim();
  if (!isSafeHttpUrl(url)) return { ok: false, reason: 'urlInvalid' };
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    await checkOwnerWritable(tx, s, school, input.ownerType, input.ownerId);
    if (!(await checkRoom(tx, s, school, input.ownerType, input.ownerId))) return { ok: false, reason: 'tooMany' };
    const [row] = await tx
      .insert(evidenceFiles)
      .values({ districtId: s.districtId, schoolId: school.id, ownerType: input.ownerType, ownerId: input.ownerId, kind: 'link', url, createdBy: s.userId })
      .returning({ id: evidenceFiles.id });
    await audit(tx, s, { entity: 'evidence', entityId: row.id, action: 'create', after: { ownerType: input.ownerType, ownerId: input.ownerId, kind: 'link', url } });
    if (input.ownerType === 'disclosure') await markRejectionRevised(tx, s.districtId, input.ownerId);
    return { ok: true, evidence: { id: row.id, kind: 'link', fileName: null, mimeType: null, size: null, url } };
  });
}

/** Coordinator: removes one piece of evidence of their school (soft delete, audited). */
export async function removeEvidence(scope: Scope, evidenceId: string): Promise<void> {
  await inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    if (!isUuid(evidenceId)) notFound();
    const where = and(eq(evidenceFiles.id, evidenceId), eq(evidenceFiles.districtId, s.districtId), eq(evidenceFiles.schoolId, school.id), isNull(evidenceFiles.deletedAt));
    const [row] = await tx
      .select({ ...VIEW, ownerType: evidenceFiles.ownerType })
      .from(evidenceFiles)
      .where(where);
    if (!row) notFound();
    await checkOwnerWritable(tx, s, school, row.ownerType, row.ownerId);
    await tx.update(evidenceFiles).set({ deletedAt: now() }).where(where);
    await audit(tx, s, { entity: 'evidence', entityId: evidenceId, action: 'delete', before: { ...row } });
    if (row.ownerType === 'disclosure') await markRejectionRevised(tx, s.districtId, row.ownerId);
  });
}

/**
 * Coordinator: soft-deletes the evidence they uploaded for a form that was never saved (the owner
 * id is still unused) — when they discard its draft.
 */
export async function discardPendingEvidence(scope: Scope, ownerType: EvidenceOwnerType, ownerId: string): Promise<void> {
  if (!isUuid(ownerId)) return;
  await inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    await discardPendingTx(tx, s, school.id, ownerType, ownerId);
  });
}

async function discardPendingTx(tx: Tx, s: DistrictScope, schoolId: string, ownerType: EvidenceOwnerType, ownerId: string): Promise<void> {
  const table = ownerType === 'disclosure' ? disclosures : rectifications;
  const [used] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, ownerId), eq(table.districtId, s.districtId)));
  if (used) return;
  await tx
    .update(evidenceFiles)
    .set({ deletedAt: now() })
    .where(
      and(
        eq(evidenceFiles.districtId, s.districtId),
        eq(evidenceFiles.schoolId, schoolId),
        eq(evidenceFiles.ownerType, ownerType),
        eq(evidenceFiles.ownerId, ownerId),
        eq(evidenceFiles.createdBy, s.userId),
        isNull(evidenceFiles.deletedAt),
      ),
    );
}
