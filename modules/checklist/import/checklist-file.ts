// A checklist as a file (issue 7): export to JSON or YAML, import back with every problem listed
// as (item row, field, reason). The same item schema as the forms (modules/checklist/validation/checklist).
import YAML from 'yaml';
import { fileItemSchema, ITEM_FIELDS, type FileItem } from '@/modules/checklist/validation/checklist';
import { messageOf } from '@/core/forms/field-errors';
import type { FieldMessage } from '@/core/forms/state';

export const CHECKLIST_FILE_FORMAT = 'sunlight-checklist';
export const MAX_CHECKLIST_ITEMS = 500;

export type ChecklistFileFormat = 'json' | 'yaml';

export interface ChecklistFileIssue {
  /** 1-based position of the item in the file's list; null for the file as a whole. */
  row: number | null;
  code?: string;
  field: string;
  reason: FieldMessage;
}

export type ParsedChecklist = { ok: true; items: FileItem[]; year: number | null } | { ok: false; issues: ChecklistFileIssue[] };

export function formatOf(fileName: string, text: string): ChecklistFileFormat {
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  if (/\.json$/i.test(fileName)) return 'json';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

const fileIssue = (key: string, values?: Record<string, string | number>): ChecklistFileIssue => ({
  row: null,
  field: 'file',
  reason: values ? { key: `adminChecklist.file.${key}`, values } : { key: `adminChecklist.file.${key}` },
});

function parseText(text: string, format: ChecklistFileFormat): { ok: true; data: unknown } | { ok: false; issue: ChecklistFileIssue } {
  if (format === 'json') {
    try {
      return { ok: true, data: JSON.parse(text) as unknown };
    } catch (e) {
      return { ok: false, issue: fileIssue('badJson', { detail: e instanceof Error ? e.message.slice(0, 120) : '' }) };
    }
  }
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line ?? 0;
    return { ok: false, issue: fileIssue('badYaml', { line, detail: first.message.split('\n')[0]!.slice(0, 120) }) };
  }
  return { ok: true, data: doc.toJS() as unknown };
}

export function parseChecklistFile(text: string, format: ChecklistFileFormat): ParsedChecklist {
  const parsed = parseText(text, format);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const data = parsed.data;
  const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && 'items' in data ? (data as { items: unknown }).items : undefined;
  if (!Array.isArray(list)) return { ok: false, issues: [fileIssue('noItems')] };
  if (list.length === 0) return { ok: false, issues: [fileIssue('noItems')] };
  if (list.length > MAX_CHECKLIST_ITEMS) return { ok: false, issues: [fileIssue('tooManyItems', { max: MAX_CHECKLIST_ITEMS })] };
  const rawYear = !Array.isArray(data) && typeof data === 'object' && data !== null ? (data as { year?: unknown }).year : undefined;
  const year = typeof rawYear === 'number' && Number.isInteger(rawYear) ? rawYear : null;

  const issues: ChecklistFileIssue[] = [];
  const items: FileItem[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, i) => {
    const row = i + 1;
    const code = typeof raw === 'object' && raw !== null && typeof (raw as { code?: unknown }).code === 'string' ? String((raw as { code: string }).code).trim() : undefined;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push({ row, field: 'item', reason: { key: 'adminChecklist.file.notAnItem' } });
      return;
    }
    const before = issues.length;
    const unknownField = Object.keys(raw).find((k) => k !== 'retired' && !(ITEM_FIELDS as string[]).includes(k));
    if (unknownField) issues.push({ row, code, field: unknownField, reason: { key: 'adminChecklist.file.unknownField' } });
    // Codes are compared case-insensitively, whether or not the rest of the item is valid.
    const key = code?.toUpperCase();
    if (key && seen.has(key)) issues.push({ row, code, field: 'code', reason: { key: 'adminChecklist.file.duplicateCode', values: { row: seen.get(key)! } } });
    else if (key) seen.set(key, row);
    const r = fileItemSchema.safeParse(raw);
    if (!r.success) {
      const byField = new Set(issues.slice(before).map((i) => i.field));
      for (const issue of r.error.issues) {
        const field = String(issue.path[0] ?? 'item');
        if (byField.has(field)) continue;
        byField.add(field);
        issues.push({ row, code, field, reason: messageOf(issue.message) });
      }
    }
    if (r.success && issues.length === before) items.push(r.data);
  });
  return issues.length ? { ok: false, issues } : { ok: true, items, year };
}

export interface ChecklistFileMeta {
  district?: string;
  year?: number;
  version?: number;
  template?: string;
}

/** The file body: metadata, then items with every field in a fixed order. */
export function checklistDocument(meta: ChecklistFileMeta, items: FileItem[]): Record<string, unknown> {
  return {
    format: CHECKLIST_FILE_FORMAT,
    ...meta,
    items: items.map((it) => {
      const out: Record<string, unknown> = {};
      for (const f of ITEM_FIELDS) out[f] = it[f];
      out.retired = it.retired;
      return out;
    }),
  };
}

export function serializeChecklist(doc: Record<string, unknown>, format: ChecklistFileFormat): string {
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : YAML.stringify(doc, { lineWidth: 0 });
}
