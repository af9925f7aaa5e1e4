// Turns zod issues into per-field messages for the coordinator's forms. Every message is a fully
// qualified message key (`validation.required`, `coordValidation.date.afterClose`, …) with its
// values, so the client renders it in the user's language beside the field (DESIGN §8).
import type { z } from 'zod';

export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
}
export type FieldMessages = Record<string, FieldMessage>;

function plainValues(params: unknown): Record<string, string | number> | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/** The first issue of each field (by its top-level path). Unqualified messages count as `validation.invalid`. */
export function fieldMessages(error: z.ZodError): FieldMessages {
  const out: FieldMessages = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (out[field]) continue;
    const key = /^[a-zA-Z]+\.[a-zA-Z.]+$/.test(issue.message) ? issue.message : 'validation.invalid';
    const values = 'params' in issue ? plainValues(issue.params) : undefined;
    out[field] = values ? { key, values } : { key };
  }
  return out;
}

/** Strings of a FormData (repeated names joined into arrays for `arrays`), never files. */
export function formFields(fd: FormData, arrays: readonly string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of fd.entries()) {
    if (typeof v !== 'string' || k.startsWith('$ACTION')) continue;
    if (arrays.includes(k)) out[k] = [...((out[k] as string[] | undefined) ?? []), v];
    else out[k] = v;
  }
  for (const k of arrays) out[k] ??= [];
  return out;
}
