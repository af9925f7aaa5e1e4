// Shared helpers for zod schemas over FormData (every value arrives as a string) and for
// turning zod issues into translatable, per-field messages.
import { z } from 'zod';

/** A number field from FormData: '' means "missing", not 0. */
export function numberField(opts: { min: number; max: number; int?: boolean }) {
  let n = z.number({ error: (i) => (i.input === undefined ? 'required' : 'number') });
  if (opts.int) n = n.int({ error: 'integer' });
  n = n.min(opts.min, { error: `min:${opts.min}` }).max(opts.max, { error: `max:${opts.max}` });
  return z.preprocess((v) => {
    if (v === null || v === undefined) return undefined;
    const s = String(v).trim();
    if (s === '') return undefined;
    const x = Number(s);
    return Number.isFinite(x) ? x : s;
  }, n);
}

export function textField(opts: { min?: number; max: number }) {
  return z
    .string({ error: 'required' })
    .trim()
    .min(opts.min ?? 1, { error: 'required' })
    .max(opts.max, { error: 'tooLong' });
}

export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldMessage>;

/** First issue per field, as a message key of the `validation` namespace with its values. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (out[field]) continue;
    const [key, value] = issue.message.split(':');
    const known = ['required', 'number', 'integer', 'min', 'max', 'tooLong', 'weightsSum', 'closeAfterDue', 'minLength', 'mismatch', 'wrongPassword', 'invalid', 'email', 'url'];
    const k = known.includes(key ?? '') ? key! : 'invalid';
    out[field] = value !== undefined ? { key: k, values: { [k]: Number.isNaN(Number(value)) ? value : Number(value) } } : { key: k };
  }
  return out;
}

export function formDataObject(fd: FormData): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) o[k] = v;
  return o;
}

/** Typed result of every server action (STYLE: a union, not free-form strings). */
export type ActionState =
  | { status: 'idle' }
  | { status: 'saved'; message?: string }
  | { status: 'invalid'; fieldErrors: FieldErrors; values: Record<string, string> }
  | { status: 'conflict' | 'forbidden' | 'notFound' | 'error'; message?: string; values?: Record<string, string> };

/**
 * Server actions receive whatever the client serialised, not necessarily a form: anything but a
 * FormData counts as an empty form (so validation refuses it with its usual messages).
 */
export function asFormData(v: unknown): FormData {
  if (!(v instanceof FormData)) return new FormData();
  // NUL cannot be stored in PostgreSQL text; it never means anything in a form field.
  if (![...v.entries()].some(([k, x]) => k.includes('\u0000') || (typeof x === 'string' && x.includes('\u0000')))) return v;
  const clean = new FormData();
  for (const [k, x] of v.entries()) clean.append(withoutNul(k), typeof x === 'string' ? withoutNul(x) : x);
  return clean;
}

/** The text without NUL characters (PostgreSQL refuses them in text and jsonb). */
export function withoutNul(s: string): string {
  return s.replaceAll('\u0000', '');
}

/** A record version from a form: a whole number 0…2³¹−1, else 0 (which never matches: stale). */
export function versionOf(v: unknown): number {
  const n = typeof v === 'string' && /^\d{1,10}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n <= 2_147_483_647 ? n : 0;
}
