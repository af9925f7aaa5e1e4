// Typed results of every server action (STYLE: a union, not free-form strings), shared by the
// guard (core/guard.ts) that produces them and the forms that read them with useActionState.

/** A message beside a field: a fully qualified message key (`validation.required`, `adminForm.codeTaken`) and its values. */
export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldMessage>;

/** What was typed, kept so a refused form loses nothing (DESIGN §8); repeated fields joined by commas. */
export type FormValues = Record<string, string>;

/** Why nothing happened, other than a field error. `conflict` carries a reason key, `locked` the entry block (§3, §5). */
export type Refusal =
  | { status: 'forbidden' | 'notFound' | 'error' | 'unavailable' | 'rateLimited'; values?: FormValues }
  | { status: 'conflict'; message?: string; values?: FormValues }
  | { status: 'locked'; block: string; values?: FormValues };

export type ActionState = { status: 'idle' } | { status: 'saved'; message?: string } | { status: 'invalid'; fieldErrors: FieldErrors; values?: FormValues } | Refusal;

/** What a data function answers when the input is well-formed but clashes with the database. */
export type Saved<T = string> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const REFUSALS = new Set(['forbidden', 'notFound', 'conflict', 'error', 'locked', 'unavailable', 'rateLimited']);

export function isRefusal(s: { status: string }): s is Refusal {
  return REFUSALS.has(s.status);
}

/** The message key shown for a refusal: shared `errors.*`, the entry block's reason for `locked`. */
export function refusalKey(s: Refusal): string {
  if (s.status === 'locked') return `coordTerms.entryBlock.${s.block}`;
  return s.status === 'error' ? 'common.errorBody' : `errors.${s.status}`;
}
