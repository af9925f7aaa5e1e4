// Pending uploads (issue 13): files uploaded for a disclosure or rectification form that was not
// saved yet (its owner id is not used by any record). They are needed — a form uploads before it
// saves — but without a bound a coordinator could store 20 × 10 MB under any number of invented
// owner ids. So:
// - a per-school quota on the bytes of pending uploads (SUNLIGHT_PENDING_UPLOAD_QUOTA_MB, default
//   100 MB); an upload past it is refused with a message saying what to do;
// - pending uploads untouched for a day are expired: marked deleted and their bytes dropped (the
//   row stays, with its name, size and hash, for the history). "Untouched": uploaded more than a
//   day ago, and no autosaved draft of the uploader that mentions the owner changed within the
//   day. Runs before every upload for that school, and for all schools at every start
//   (scripts/prepare.ts).
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { auditLog, disclosures, districts, evidenceFiles, formDrafts, rectifications } from '@/db/schema';
import { env, now } from '@/core/env';
import { discardEvidenceBytes } from '@/modules/disclosures/evidence/storage';

export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

/** The per-school quota in bytes (10 MB … 100 GB; nonsense falls back to the default 100 MB). */
export function pendingQuotaBytes(raw = env().SUNLIGHT_PENDING_UPLOAD_QUOTA_MB): number {
  const mb = Number(raw ?? 100);
  return (Number.isInteger(mb) && mb >= 10 && mb <= 100_000 ? mb : 100) * 1024 * 1024;
}

/** Rows of evidence_files whose owner record does not exist (yet). */
function ownerMissing(): SQL {
  return sql`(case when ${evidenceFiles.ownerType} = 'disclosure'
      then not exists (select 1 from ${disclosures} d where d.id = ${evidenceFiles.ownerId} and d.district_id = ${evidenceFiles.districtId})
      else not exists (select 1 from ${rectifications} r where r.id = ${evidenceFiles.ownerId} and r.district_id = ${evidenceFiles.districtId}) end)`;
}

/** Serialises the quota check and the insert of one school's uploads (released at commit). */
export async function lockSchoolUploads(tx: Tx, schoolId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`evidence-pending:${schoolId}`}))`);
}

/** Bytes of the school's live pending uploads. */
export async function pendingBytes(tx: Tx, districtId: string, schoolId: string): Promise<number> {
  const [row] = await tx
    .select({ bytes: sql<string | number | null>`coalesce(sum(${evidenceFiles.size}), 0)` })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.districtId, districtId), eq(evidenceFiles.schoolId, schoolId), eq(evidenceFiles.kind, 'file'), isNull(evidenceFiles.deletedAt), ownerMissing()));
  return Number(row?.bytes ?? 0);
}

export interface Expired {
  count: number;
  /** Files to remove from SUNLIGHT_EVIDENCE_DIR once the transaction has committed. */
  paths: { data: null; storagePath: string | null; sha256: string; size: number }[];
}

/**
 * Expires the pending uploads untouched for a day, of one school or (schoolId null) of the whole
 * district, and writes one audit entry per district. Call `removeExpiredFiles` after commit.
 */
export async function expireStalePending(tx: Tx | Db, districtId: string, schoolId: string | null, at: Date = now()): Promise<Expired> {
  const cutoff = new Date(at.getTime() - PENDING_TTL_MS).toISOString();
  const draftRecentlyTouched = sql`exists (select 1 from ${formDrafts} f
      where f.district_id = ${evidenceFiles.districtId} and f.user_id = ${evidenceFiles.createdBy}
        and f.updated_at >= ${cutoff}::timestamptz and position(${evidenceFiles.ownerId}::text in f.data::text) > 0)`;
  const rows = await tx
    .update(evidenceFiles)
    .set({ deletedAt: at, data: null })
    .where(
      and(
        eq(evidenceFiles.districtId, districtId),
        schoolId ? eq(evidenceFiles.schoolId, schoolId) : undefined,
        eq(evidenceFiles.kind, 'file'),
        isNull(evidenceFiles.deletedAt),
        sql`${evidenceFiles.createdAt} < ${cutoff}::timestamptz`,
        ownerMissing(),
        sql`not ${draftRecentlyTouched}`,
      ),
    )
    .returning({ id: evidenceFiles.id, schoolId: evidenceFiles.schoolId, size: evidenceFiles.size, storagePath: evidenceFiles.storagePath, sha256: evidenceFiles.sha256 });
  if (rows.length === 0) return { count: 0, paths: [] };
  await tx.insert(auditLog).values({
    districtId,
    actorId: null,
    actorRole: 'system',
    entity: 'evidence',
    entityId: 'pending',
    action: 'expirePending',
    before: null,
    after: { count: rows.length, bytes: rows.reduce((s, r) => s + (r.size ?? 0), 0), ids: rows.map((r) => r.id) },
  });
  return { count: rows.length, paths: rows.filter((r) => r.storagePath).map((r) => ({ data: null, storagePath: r.storagePath, sha256: r.sha256 ?? '', size: r.size ?? 0 })) };
}

export async function removeExpiredFiles(expired: Expired): Promise<void> {
  for (const p of expired.paths) await discardEvidenceBytes(p).catch(() => undefined);
}

/** At start-up (scripts/prepare.ts): expires every district's stale pending uploads. */
export async function expireAllStalePending(db: Db): Promise<number> {
  let total = 0;
  for (const d of await db.select({ id: districts.id }).from(districts)) {
    const expired = await db.transaction((tx) => expireStalePending(tx, d.id, null));
    await removeExpiredFiles(expired);
    total += expired.count;
  }
  return total;
}
