// Action states of the disclosure form (DESIGN §3, §8).
import type { FieldErrors, Refusal } from '@/core/forms/state';
import type { DisclosureValues, DisclosureWarning } from './disclosures';

export type DisclosureFormState =
  | { status: 'idle' }
  | { status: 'saved'; id: string; version: number; warnings: DisclosureWarning[] }
  | { status: 'invalid'; fieldErrors: FieldErrors; values?: Record<string, string> }
  | { status: 'stale'; current: DisclosureValues; currentVersion: number }
  | Refusal;

export type DeleteState = { status: 'idle' } | { status: 'stale' } | Refusal;
