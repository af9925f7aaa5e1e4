'use server';
// Autosaved drafts of the coordinator's forms (DESIGN §8: nothing typed is lost).
// Who may run: coordinators, for their own drafts only (the user comes from the session).
import { deleteDraft, ensureDraft, saveDraft } from '@/modules/disclosures/data/drafts';
import { discardPendingEvidence, type EvidenceOwnerType } from '@/modules/disclosures/data/evidence';
import { asCoordinator } from '@/core/auth/coordinator-guard';

export async function saveDraftAction(formKey: string, values: Record<string, string | string[]>, at: number): Promise<{ ok: boolean }> {
  const r = await asCoordinator(async (scope) => {
    await saveDraft(scope, String(formKey), values, Number(at));
    return { ok: true };
  });
  return { ok: 'ok' in r };
}

export async function ensureDraftAction(formKey: string, values: Record<string, string>): Promise<void> {
  await asCoordinator((scope) => ensureDraft(scope, String(formKey), values));
}

/** Forgets a draft; for a form never saved, also the evidence uploaded for it. */
export async function discardDraftAction(formKey: string, pending?: { ownerType: EvidenceOwnerType; ownerId: string }): Promise<void> {
  await asCoordinator(async (scope) => {
    await deleteDraft(scope, String(formKey));
    if (pending && (pending.ownerType === 'disclosure' || pending.ownerType === 'rectification')) await discardPendingEvidence(scope, pending.ownerType, String(pending.ownerId));
  });
}
