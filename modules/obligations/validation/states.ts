// Action states of the coordinator's event and "no such matter" forms (DESIGN §3).
import type { QuarterRef } from '@/core/domain/types';
import type { ActionState, Refusal } from '@/core/forms/state';

/** A form that saved, saying which quarter the record belongs to. */
export type QuarterFormState = Exclude<ActionState, { status: 'saved' }> | { status: 'saved'; q?: QuarterRef };

/** A row's button (remove an event, withdraw a statement). */
export type RowState = { status: 'idle' } | { status: 'done' } | { status: 'hasDisclosures' } | Refusal;

/** Draft keys of the small forms (modules/disclosures/data/drafts FORM_KEY_RE). */
export const EVENT_FORM_KEY = 'event:new';
export const noMatterFormKey = (itemCode: string, q: { year: number; quarter: number }) => `nomatter:${itemCode}:${q.year}-Q${q.quarter}`;
