// Form plumbing shared by the administration screens (issue 7): field errors carry a fully
// qualified message key, so one form can show keys of the shared `validation` namespace and of
// our own `adminForm` namespace side by side.
import type { z } from 'zod';
import type { ActionState, FieldErrors, FieldMessage } from './form';

/** Keys of the shared `validation` namespace (messages/*\/core.json). */
const CORE_KEYS = new Set(['required', 'number', 'integer', 'min', 'max', 'tooLong', 'weightsSum', 'closeAfterDue', 'minLength', 'mismatch', 'wrongPassword', 'invalid']);

/** Keys of our own `adminForm` namespace (messages/*\/admin-org.json). */
export const ADMIN_FORM_KEYS = [
  'codeFormat',
  'codeTaken',
  'usernameFormat',
  'usernameTaken',
  'schoolRequired',
  'schoolNotAllowed',
  'zonesNotAllowed',
  'unknownSchool',
  'unknownZone',
  'badDate',
  'badMonthDay',
  'timingNeedsEvent',
  'dueDateNeedsAnnual',
  'sameZone',
  'ownRole',
  'sameAsCurrent',
  'fileMissing',
] as const;
export type AdminFormKey = (typeof ADMIN_FORM_KEYS)[number];
const ADMIN_KEYS = new Set<string>(ADMIN_FORM_KEYS);

/** A message key as written in a zod issue (`key` or `key:value`) → a qualified FieldMessage. */
export function qualify(raw: string): FieldMessage {
  const [key = 'invalid', value] = raw.split(':');
  const ns = ADMIN_KEYS.has(key) ? 'adminForm' : 'validation';
  const k = ns === 'validation' && !CORE_KEYS.has(key) ? 'invalid' : key;
  if (value === undefined) return { key: `${ns}.${k}` };
  return { key: `${ns}.${k}`, values: { [k]: Number.isNaN(Number(value)) ? value : Number(value) } };
}

/** First issue per field, qualified. */
export function adminFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (!out[field]) out[field] = qualify(issue.message);
  }
  return out;
}

export function fieldError(field: string, key: AdminFormKey): FieldErrors {
  return { [field]: { key: `adminForm.${key}` } };
}

/** A one-time secret handed to the admin once (temporary password); never stored in clear. */
export interface IssuedPassword {
  username: string;
  password: string;
}

/** ActionState plus the one outcome the shared union lacks: a freshly issued password. */
export type AdminState = ActionState | { status: 'issued'; issued: IssuedPassword; message?: string };

/** What a data function answers when the input is well-formed but clashes with the database. */
export type Saved<T = string> = { ok: true; value: T } | { ok: false; errors: FieldErrors };
