// zod field helpers for FormData, where every value arrives as a string: '' means "missing"
// (never 0), and each error is a key of the shared `validation` namespace (core/forms/field-errors.ts).
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

/** A year of the product's range (a query or form value). */
export const yearField = z.coerce.number().int().min(2000).max(2100);
