// Typed results of the coordinator's server actions (STYLE: a union, not free-form strings),
// shared by the actions and the client forms that read them with useActionState.
import type { EntryBlock } from '@/modules/obligations/domain/entry-window';
import type { QuarterRef } from '@/core/domain/types';
import type { FieldMessages } from './fields';
import type { DisclosureValues, DisclosureWarning } from '@/modules/disclosures/validation/disclosures';

export type Refusal = { status: 'forbidden' | 'notFound' | 'conflict' | 'error' } | { status: 'locked'; block: EntryBlock };

export type DisclosureFormState =
  | { status: 'idle' }
  | { status: 'saved'; id: string; version: number; warnings: DisclosureWarning[] }
  | { status: 'invalid'; fieldErrors: FieldMessages }
  | { status: 'stale'; current: DisclosureValues; currentVersion: number }
  | Refusal;

export type SimpleFormState = { status: 'idle' } | { status: 'saved'; q?: QuarterRef } | { status: 'invalid'; fieldErrors: FieldMessages } | Refusal;

export type SubmitState =
  | { status: 'idle' }
  | { status: 'submitted'; onTime: boolean; resubmitted: boolean; gaps: number }
  | { status: 'needsConfirm'; gaps: number }
  | { status: 'stale' }
  | { status: 'wrongState' }
  | Refusal;

/** The message key shown for a refusal (errors.* are shared; locked reasons are ours). */
export function refusalKey(s: Refusal): string {
  if (s.status === 'locked') return `coordTerms.entryBlock.${s.block}`;
  return s.status === 'error' ? 'common.errorBody' : `errors.${s.status}`;
}

export function isRefusal(s: { status: string }): s is Refusal {
  return ['forbidden', 'notFound', 'conflict', 'error', 'locked'].includes(s.status);
}

/** Draft keys of the small forms (modules/disclosures/data/drafts FORM_KEY_RE). */
export const EVENT_FORM_KEY = 'event:new';
export const noMatterFormKey = (itemCode: string, q: { year: number; quarter: number }) => `nomatter:${itemCode}:${q.year}-Q${q.quarter}`;
