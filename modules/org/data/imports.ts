// Shared shapes of the bulk imports (issue 7): check everything first, then write all rows in
// one transaction or none, reporting progress on the way.
import { ImportFileError, type ImportIssue } from '@/modules/org/import/issues';
import type { Checked } from '@/modules/org/import/schools';
import type { IssuedPassword } from '@/modules/org/validation/states';

export const IMPORT_KINDS = ['schools', 'users', 'holidays'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportProgress {
  phase: 'hash' | 'write';
  done: number;
  total: number;
}
export type OnProgress = (p: ImportProgress) => void;

export interface ImportPreview {
  total: number;
  valid: number;
  issues: ImportIssue[];
}

export type ImportOutcome = { status: 'invalid'; total: number; issues: ImportIssue[] } | { status: 'imported'; created: number; updated: number; issued: IssuedPassword[] };

export const WRITE_BATCH = 250;

export function previewOf<R>(checked: Checked<R>): ImportPreview {
  if (checked.total === 0 && checked.issues.length === 0) throw new ImportFileError('empty');
  return { total: checked.total, valid: checked.rows.length, issues: checked.issues };
}

/** Writes `rows` in batches inside the caller's transaction, reporting after each batch. */
export async function inBatches<R>(rows: readonly R[], write: (batch: R[]) => Promise<unknown>, onProgress?: OnProgress): Promise<void> {
  onProgress?.({ phase: 'write', done: 0, total: rows.length });
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    await write(rows.slice(i, i + WRITE_BATCH));
    onProgress?.({ phase: 'write', done: Math.min(rows.length, i + WRITE_BATCH), total: rows.length });
  }
}
