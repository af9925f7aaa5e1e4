// The narrative texts as typed in the document editor (issue 17): one zod schema per document kind,
// shared by the form and the server. FormData values are strings; errors are qualified message keys
// (core/forms/fields.ts) shown beside each field, and the form keeps what was typed.
import { z } from 'zod';
import { NARRATIVE_FIELDS, type DocumentKind } from '@/modules/documents/domain/narrative';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The kind's narrative fields: trimmed, bounded, one line where the field is one line, a real date for 落款日期. */
export function textsSchema(kind: DocumentKind) {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const f of NARRATIVE_FIELDS[kind]) {
    let inner = z.string().max(f.max, { error: 'validation.tooLong' });
    if (!f.multiline) inner = inner.regex(/^[^\n]*$/, { error: 'documents.validation.oneLine' });
    if (f.name === 'issuedOn') inner = inner.refine((v) => v === '' || isRealDate(v), { error: 'documents.validation.date' });
    const field = z
      .string({ error: 'validation.invalid' })
      .default('')
      .transform((v) => v.replace(/\r\n?/g, '\n').trim())
      .pipe(inner);
    shape[f.name] = field as z.ZodType<string>;
  }
  return z.object(shape);
}

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

/** A year from a form or a query: four digits in range, else null. */
export function yearOf(v: unknown): number | null {
  if (typeof v !== 'string' || !/^\d{4}$/.test(v.trim())) return null;
  const n = Number(v);
  return n >= YEAR_MIN && n <= YEAR_MAX ? n : null;
}

/** A quarter 1–4 from a form or a query, else null. */
export function quarterOf(v: unknown): 1 | 2 | 3 | 4 | null {
  return typeof v === 'string' && /^[1-4]$/.test(v.trim()) ? (Number(v) as 1 | 2 | 3 | 4) : null;
}
