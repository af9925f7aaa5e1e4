// The narrative texts of the documents (issue 17), per district / kind / school / period: read them,
// and save them with an optimistic version (like disclosures: a save names the version it was typed
// on; when another save came first nothing is written and the other texts are returned), writing
// the audit log in the same transaction.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { documentTexts, type DocumentTextRow } from '@/db/schema';
import { audit } from '@/core/audit';
import { now } from '@/core/env';
import type { DistrictScope } from '@/core/scope';
import { cleanTexts, type DocumentKind, type NarrativeTexts } from '@/modules/documents/domain/narrative';

export interface TextsKey {
  kind: DocumentKind;
  /** The school of a school summary; null for the district's documents. */
  schoolId: string | null;
  year: number;
  /** 1–4 for a quarterly 通报, 0 otherwise. */
  quarter: number;
}

export interface StoredTexts {
  texts: NarrativeTexts;
  /** 0 = nothing saved yet. */
  version: number;
  updatedAt: Date | null;
}

export type SaveTextsResult = { ok: true; version: number } | { ok: false; kind: 'conflict'; current: NarrativeTexts; currentVersion: number };

function whereKey(districtId: string, k: TextsKey) {
  return and(
    eq(documentTexts.districtId, districtId),
    eq(documentTexts.kind, k.kind),
    k.schoolId === null ? isNull(documentTexts.schoolId) : eq(documentTexts.schoolId, k.schoolId),
    eq(documentTexts.year, k.year),
    eq(documentTexts.quarter, k.quarter),
  );
}

async function findRow(tx: Tx, districtId: string, k: TextsKey, lock = false): Promise<DocumentTextRow | null> {
  const q = tx.select().from(documentTexts).where(whereKey(districtId, k));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Inside a district transaction: the texts stored for a document (empty ones when none yet). */
export async function readTexts(tx: Tx, districtId: string, k: TextsKey): Promise<StoredTexts> {
  const row = await findRow(tx, districtId, k);
  return row ? { texts: cleanTexts(k.kind, row.texts), version: row.version, updatedAt: row.updatedAt } : { texts: cleanTexts(k.kind, {}), version: 0, updatedAt: null };
}

/**
 * Inside a district transaction, for a key the caller was already allowed to write: stores the
 * texts if `version` is the one stored (0 = none stored yet), else answers the current texts.
 */
export async function writeTexts(tx: Tx, s: DistrictScope, k: TextsKey, version: number, texts: NarrativeTexts): Promise<SaveTextsResult> {
  const clean = cleanTexts(k.kind, texts);
  if (version === 0) {
    const [row] = await tx
      .insert(documentTexts)
      .values({ districtId: s.districtId, kind: k.kind, schoolId: k.schoolId, year: k.year, quarter: k.quarter, texts: clean, version: 1, updatedBy: s.userId })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await audit(tx, s, { entity: 'document_text', entityId: row.id, action: 'create', after: { kind: k.kind, schoolId: k.schoolId, year: k.year, quarter: k.quarter, texts: clean, version: 1 } });
      return { ok: true, version: 1 };
    }
  } else {
    const before = await findRow(tx, s.districtId, k, true);
    if (before && before.version === version) {
      const [row] = await tx
        .update(documentTexts)
        .set({ texts: clean, version: sql`${documentTexts.version} + 1`, updatedBy: s.userId, updatedAt: now() })
        .where(and(eq(documentTexts.id, before.id), eq(documentTexts.districtId, s.districtId), eq(documentTexts.version, version)))
        .returning();
      if (row) {
        await audit(tx, s, {
          entity: 'document_text',
          entityId: row.id,
          action: 'update',
          before: { texts: cleanTexts(k.kind, before.texts), version: before.version },
          after: { kind: k.kind, schoolId: k.schoolId, year: k.year, quarter: k.quarter, texts: clean, version: row.version },
        });
        return { ok: true, version: row.version };
      }
    }
  }
  const current = await readTexts(tx, s.districtId, k);
  return { ok: false, kind: 'conflict', current: current.texts, currentVersion: current.version };
}
