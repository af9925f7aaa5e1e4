'use server';
// Evidence links and removal. Who may run: coordinators, for their own school's records only
// (modules/disclosures/data/evidence checks the owner and the entry window).
import { revalidatePath } from 'next/cache';
import { addEvidenceLink, removeEvidence, type EvidenceOwnerType, type EvidenceView } from '@/modules/disclosures/data/evidence';
import { asCoordinator } from '@/core/auth/coordinator-guard';

export type EvidenceActionResult = { ok: true; evidence?: EvidenceView } | { ok: false; error: string };

export async function addEvidenceLinkAction(ownerType: EvidenceOwnerType, ownerId: string, url: string): Promise<EvidenceActionResult> {
  if (ownerType !== 'disclosure' && ownerType !== 'rectification') return { ok: false, error: 'notFound' };
  const r = await asCoordinator((scope) => addEvidenceLink(scope, { ownerType, ownerId: String(ownerId), url: String(url) }));
  if ('status' in r) return { ok: false, error: r.status === 'locked' ? `locked.${r.block}` : r.status };
  if (!r.ok) return { ok: false, error: r.reason };
  revalidatePath('/school', 'layout');
  return { ok: true, evidence: r.evidence };
}

export async function removeEvidenceAction(id: string): Promise<EvidenceActionResult> {
  const r = await asCoordinator(async (scope) => {
    await removeEvidence(scope, String(id));
    return { ok: true as const };
  });
  if ('status' in r) return { ok: false, error: r.status === 'locked' ? `locked.${r.block}` : r.status };
  revalidatePath('/school', 'layout');
  return r;
}
