// The one mapper from zod issues to per-field messages. A schema writes its message as a fully
// qualified key of a feature's namespace (`adminForm.codeTaken`, `coordValidation.date.afterClose`)
// or as a key of the shared `validation` namespace (`required`, `min:3` — a value after the
// colon); anything else (zod's own English text) shows as `validation.invalid`.
import type { z } from 'zod';
import type { FieldErrors, FieldMessage } from './state';

/** Keys of the shared `validation` namespace (messages/*\/core.json). */
const SHARED = new Set([
  'required',
  'number',
  'integer',
  'min',
  'max',
  'tooLong',
  'weightsSum',
  'closeAfterDue',
  'minLength',
  'mismatch',
  'wrongPassword',
  'invalid',
  'email',
  'url',
  'passwordThrottled',
]);
const QUALIFIED = /^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/;

/** One message key as written in a schema → a qualified FieldMessage. */
export function messageOf(raw: string, params?: unknown): FieldMessage {
  const colon = raw.indexOf(':');
  const name = colon < 0 ? raw : raw.slice(0, colon);
  const key = QUALIFIED.test(name) ? name : SHARED.has(name) ? `validation.${name}` : 'validation.invalid';
  if (colon >= 0 && key !== 'validation.invalid') {
    const value = raw.slice(colon + 1);
    return { key, values: { [key.slice(key.lastIndexOf('.') + 1)]: value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value } };
  }
  const values = plainValues(params);
  return values && key !== 'validation.invalid' ? { key, values } : { key };
}

/** The first issue of each field (by its top-level path; `_form` for the form as a whole). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (!out[field]) out[field] = messageOf(issue.message, 'params' in issue ? issue.params : undefined);
  }
  return out;
}

/** One field's message, e.g. `fieldError('code', 'adminForm.codeTaken')` from a data function. */
export function fieldError(field: string, key: string, values?: Record<string, string | number>): FieldErrors {
  return { [field]: values ? { key, values } : { key } };
}

function plainValues(params: unknown): Record<string, string | number> | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}
