// The one FormData reader of the server actions. A client can send anything in place of a form
// (the fuzzing does): anything but a FormData reads as an empty form, NUL characters (which
// PostgreSQL refuses in text) are dropped, files are left to the handler, and Next's own
// `$ACTION…` fields are skipped.

export interface ReadForm {
  /** Every text field; the names in `arrays` as arrays (checkbox groups), always present. */
  fields: Record<string, string | string[]>;
  /** The same as strings (arrays joined by commas), to hand back to the form after a refusal. */
  values: Record<string, string>;
  /** The FormData itself (files, e.g. an import), cleaned of NUL; empty for a non-FormData. */
  data: FormData;
}

export function readForm(input: unknown, arrays: readonly string[] = []): ReadForm {
  const data = asFormData(input);
  const fields: Record<string, string | string[]> = {};
  for (const name of arrays) fields[name] = [];
  for (const [k, v] of data.entries()) {
    if (typeof v !== 'string' || k.startsWith('$ACTION')) continue;
    if (arrays.includes(k)) (fields[k] as string[]).push(v);
    else fields[k] = v;
  }
  const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
  return { fields, values, data };
}

function asFormData(v: unknown): FormData {
  if (!(v instanceof FormData)) return new FormData();
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
