'use server';
// Autosaved drafts of the coordinator's forms (DESIGN §8: nothing typed is lost), for the
// coordinator's own drafts only (the user comes from the session).
import { z } from 'zod';
import { defineCall } from '@/core/guard';
import { deleteDraft, ensureDraft, saveDraft } from './drafts';

const formKey = z.string().max(200);
const draftValues = z.record(z.string().max(100), z.union([z.string(), z.array(z.string())]));

export const saveDraftAction = defineCall({ roles: ['coordinator'], args: z.tuple([formKey, draftValues, z.number()]) }, async ({ scope, input: [key, values, at] }) => {
  await saveDraft(scope, key, values, at);
  return { ok: true as const };
});

export const ensureDraftAction = defineCall({ roles: ['coordinator'], args: z.tuple([formKey, z.record(z.string().max(100), z.string())]) }, async ({ scope, input: [key, values] }) => {
  await ensureDraft(scope, key, values);
  return { ok: true as const };
});

/** Forgets a draft (the form's own `onDiscard` drops what belongs to the never-saved record). */
export const discardDraftAction = defineCall({ roles: ['coordinator'], args: z.tuple([formKey]) }, async ({ scope, input: [key] }) => {
  await deleteDraft(scope, key);
  return { ok: true as const };
});
