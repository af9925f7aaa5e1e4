// Finds the header row and maps its columns to logical fields. Headers are matched loosely —
// Chinese or English, any case, ignoring spaces, 「*」 required markers and bracketed hints —
// because district offices rename columns freely.
import { ImportFileError, type ImportIssue } from './issues';
import type { Table } from './table';

export interface ColumnSpec {
  /** Accepted header texts; the first is the one our template uses. */
  aliases: readonly string[];
  required: boolean;
}

export type ImportRecord<F extends string> = { line: number; values: Record<F, string> };

export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[*\s_\-]/g, '')
    .toLowerCase();
}

/** Text as people type it: NFKC (full-width letters and digits → ASCII), trimmed. */
export function clean(v: string | undefined): string {
  return (v ?? '').normalize('NFKC').trim();
}

export interface Mapped<F extends string> {
  records: ImportRecord<F>[];
  /** Missing required columns, reported on the header row. */
  issues: ImportIssue[];
}

/**
 * The first row is the header. Rows below it become records keyed by field; a required column
 * the header lacks is one issue on the header row (callers then stop: every row would fail).
 */
export function mapColumns<F extends string>(table: Table, spec: Record<F, ColumnSpec>): Mapped<F> {
  const [header, ...rows] = table.rows;
  if (!header) throw new ImportFileError('empty');
  const fields = Object.keys(spec) as F[];
  const index = new Map<F, number>();
  const normalized = header.cells.map(normalizeHeader);
  for (const f of fields) {
    const wanted = new Set([f, ...spec[f].aliases].map(normalizeHeader));
    const at = normalized.findIndex((h) => wanted.has(h));
    if (at >= 0) index.set(f, at);
  }
  if (index.size === 0) throw new ImportFileError('noHeader');
  const issues: ImportIssue[] = fields.filter((f) => spec[f].required && !index.has(f)).map((f) => ({ line: header.line, field: f, reason: 'missingColumn' as const }));
  const records = rows.map((r) => {
    const values = {} as Record<F, string>;
    for (const f of fields) {
      const at = index.get(f);
      values[f] = at === undefined ? '' : clean(r.cells[at]);
    }
    return { line: r.line, values };
  });
  return { records, issues };
}
