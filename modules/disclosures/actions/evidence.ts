'use server';
// Evidence links and removal, for the coordinator's own school's records only
// (modules/disclosures/data/evidence checks the owner and the entry window).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineCall } from '@/core/guard';
import { addEvidenceLink, discardPendingEvidence, removeEvidence } from '@/modules/disclosures/data/evidence';

const ownerType = z.enum(['disclosure', 'rectification']);

export const addEvidenceLinkAction = defineCall({ roles: ['coordinator'], args: z.tuple([ownerType, z.string().max(64), z.string().max(4000)]) }, async ({ scope, input: [type, ownerId, url] }) => {
  const r = await addEvidenceLink(scope, { ownerType: type, ownerId, url });
  if (r.ok) revalidatePath('/school', 'layout');
  return r;
});

/** Drops the evidence uploaded for a record that was never saved (its draft was thrown away). */
export const discardPendingEvidenceAction = defineCall({ roles: ['coordinator'], args: z.tuple([ownerType, z.string().max(64)]) }, async ({ scope, input: [type, ownerId] }) => {
  await discardPendingEvidence(scope, type, ownerId);
  return { ok: true as const };
});

export const removeEvidenceAction = defineCall({ roles: ['coordinator'], args: z.tuple([z.string().max(64)]) }, async ({ scope, input: [id] }) => {
  await removeEvidence(scope, id);
  revalidatePath('/school', 'layout');
  return { ok: true as const };
});
