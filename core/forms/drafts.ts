// Autosaved form drafts (table form_drafts): nothing typed is lost when the browser closes
// mid-entry (DESIGN §8). A draft belongs to one user and one form; it is never shared.
import { now } from '@/core/env';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { formDrafts } from '@/db/schema';
import { inDistrict } from '@/core/context';
import { type DistrictScope, type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';

export const FORM_KEY_RE = /^[a-z]+(?::[A-Za-z0-9._-]{1,64}){0,4}$/;
export const MAX_DRAFT_CHARS = 32_000;

export type DraftValues = Record<string, string | string[]>;
export interface StoredDraft {
  values: DraftValues;
  /** When the browser last changed it (ms since epoch), to compare with the local copy. */
  at: number;
}

function checkKey(formKey: string): void {
  if (!FORM_KEY_RE.test(formKey)) throw new AppError('badRequest');
}

function clean(values: unknown): DraftValues {
  const out: DraftValues = {};
  if (typeof values !== 'object' || values === null) return out;
  for (const [k, v] of Object.entries(values).slice(0, 40)) {
    if (!/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(k)) continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string').slice(0, 20);
  }
  return out;
}

export async function loadDraftTx(tx: Tx, s: DistrictScope, formKey: string): Promise<StoredDraft | null> {
  checkKey(formKey);
  const [row] = await tx
    .select({ data: formDrafts.data })
    .from(formDrafts)
    .where(and(eq(formDrafts.districtId, s.districtId), eq(formDrafts.userId, s.userId), eq(formDrafts.formKey, formKey)));
  const data = row?.data as { values?: unknown; at?: unknown } | undefined;
  if (!data) return null;
  return { values: clean(data.values), at: typeof data.at === 'number' ? data.at : 0 };
}

export async function deleteDraftTx(tx: Tx, s: DistrictScope, formKey: string): Promise<void> {
  checkKey(formKey);
  await tx.delete(formDrafts).where(and(eq(formDrafts.districtId, s.districtId), eq(formDrafts.userId, s.userId), eq(formDrafts.formKey, formKey)));
}

/** Saves (replaces) the caller's draft of one form. Oversized drafts are refused, not truncated. */
export async function saveDraft(scope: Scope, formKey: string, values: unknown, at: number): Promise<void> {
  checkKey(formKey);
  const data: StoredDraft = { values: clean(values), at: Number.isFinite(at) ? at : Date.now() };
  if (JSON.stringify(data).length > MAX_DRAFT_CHARS) throw new AppError('tooLarge');
  await inDistrict(scope, ['coordinator'], async (tx, s) => {
    await tx
      .insert(formDrafts)
      .values({ districtId: s.districtId, userId: s.userId, formKey, data, updatedAt: now() })
      .onConflictDoUpdate({ target: [formDrafts.userId, formDrafts.formKey], set: { data, updatedAt: now() } });
  });
}

export async function deleteDraft(scope: Scope, formKey: string): Promise<void> {
  await inDistrict(scope, ['coordinator'], (tx, s) => deleteDraftTx(tx, s, formKey));
}

/** Creates the draft only when none exists (keeps a new form's chosen id once evidence is uploaded). */
export async function ensureDraft(scope: Scope, formKey: string, values: unknown): Promise<void> {
  checkKey(formKey);
  const data: StoredDraft = { values: clean(values), at: Date.now() };
  if (JSON.stringify(data).length > MAX_DRAFT_CHARS) throw new AppError('tooLarge');
  await inDistrict(scope, ['coordinator'], async (tx, s) => {
    await tx.insert(formDrafts).values({ districtId: s.districtId, userId: s.userId, formKey, data, updatedAt: now() }).onConflictDoNothing();
  });
}

/** The caller's drafts of several forms (missing ones are absent from the map). */
export async function loadDrafts(scope: Scope, formKeys: readonly string[]): Promise<Map<string, StoredDraft>> {
  formKeys.forEach(checkKey);
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const out = new Map<string, StoredDraft>();
    for (const k of formKeys) {
      const d = await loadDraftTx(tx, s, k);
      if (d) out.set(k, d);
    }
    return out;
  });
}
