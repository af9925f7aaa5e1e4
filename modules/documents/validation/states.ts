// The typed result of saving a document's narrative texts (STYLE: a union, not free-form strings),
// shared by the server actions and the editor that reads it with useActionState.
import type { FieldErrors } from '@/core/forms/state';
import type { NarrativeTexts } from '@/modules/documents/domain/narrative';

export type TextsState =
  | { status: 'idle' }
  | { status: 'saved'; version: number }
  | { status: 'invalid'; fieldErrors: FieldErrors; values?: NarrativeTexts }
  /** Someone saved first: nothing was written; their texts and version, and what this user typed. */
  | { status: 'stale'; current: NarrativeTexts; currentVersion: number; values: NarrativeTexts }
  | { status: 'forbidden' | 'notFound' | 'error' | 'unavailable' | 'rateLimited' | 'conflict'; values?: NarrativeTexts }
  | { status: 'locked'; block: string; values?: NarrativeTexts };
