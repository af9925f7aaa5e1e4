// Bulk import of schools: checks every row against the district's zones and existing codes
// before anything is written (issue 7). Pure: the data layer supplies the context.
import type { SchoolType } from '@/core/domain/types';
import { CODE_RE } from '@/modules/org/validation/org';
import { schoolTypeOf } from './aliases';
import { mapColumns, type ColumnSpec } from './columns';
import { clip, sortIssues, type ImportIssue } from './issues';
import type { Table } from './table';

export const SCHOOL_COLUMNS = {
  code: { aliases: ['学校代码', '代码', '编号', '学校编号', 'school code'], required: true },
  name: { aliases: ['学校名称', '名称', '校名', '学校', 'school name', 'school'], required: true },
  type: { aliases: ['类型', '学校类型', '学段', 'school type'], required: true },
  zone: { aliases: ['片区', '所属片区', 'zone code', 'zone name'], required: false },
} satisfies Record<string, ColumnSpec>;
export type SchoolField = keyof typeof SCHOOL_COLUMNS;
const FIELD_ORDER = Object.keys(SCHOOL_COLUMNS);

export interface ZoneRef {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface SchoolImportContext {
  /** Codes of the district's schools (active or not), lower-cased. */
  existingCodes: ReadonlySet<string>;
  zones: readonly ZoneRef[];
}

export interface SchoolImportRow {
  line: number;
  code: string;
  name: string;
  type: SchoolType;
  zoneId: string | null;
}

export interface Checked<R> {
  rows: R[];
  issues: ImportIssue[];
  /** Data rows read (header excluded). */
  total: number;
}

/** Active zones by code or by name, case-insensitive (people type either). */
export function zoneLookup(zones: readonly ZoneRef[]): (raw: string) => ZoneRef | null {
  const map = new Map<string, ZoneRef>();
  for (const z of zones.filter((x) => x.active)) {
    map.set(z.code.toLowerCase(), z);
    map.set(z.name.normalize('NFKC').toLowerCase(), z);
  }
  return (raw) => map.get(raw.toLowerCase()) ?? null;
}

export function checkSchools(table: Table, ctx: SchoolImportContext): Checked<SchoolImportRow> {
  const { records, issues } = mapColumns(table, SCHOOL_COLUMNS);
  if (issues.length) return { rows: [], issues, total: records.length };
  const zoneOf = zoneLookup(ctx.zones);
  const firstLine = new Map<string, number>();
  const rows: SchoolImportRow[] = [];
  for (const { line, values: v } of records) {
    const rowIssues: ImportIssue[] = [];
    const bad = (field: SchoolField, reason: ImportIssue['reason'], value?: string) => rowIssues.push({ line, field, reason, ...(value ? { value: clip(value) } : {}) });

    const key = v.code.toLowerCase();
    if (!v.code) bad('code', 'missing');
    else if (!CODE_RE.test(v.code)) bad('code', 'badFormat', v.code);
    else if (ctx.existingCodes.has(key)) bad('code', 'duplicateExisting', v.code);
    else if (firstLine.has(key)) bad('code', 'duplicateInFile', v.code);
    if (v.code && !firstLine.has(key)) firstLine.set(key, line);

    if (!v.name) bad('name', 'missing');
    else if (v.name.length > 100) bad('name', 'tooLong', v.name);

    const type = v.type ? schoolTypeOf(v.type) : null;
    if (!v.type) bad('type', 'missing');
    else if (!type) bad('type', 'badType', v.type);

    const zone = v.zone ? zoneOf(v.zone) : null;
    if (v.zone && !zone) bad('zone', 'unknownZone', v.zone);

    if (rowIssues.length) issues.push(...rowIssues);
    else rows.push({ line, code: v.code, name: v.name, type: type!, zoneId: zone?.id ?? null });
  }
  return { rows, issues: sortIssues(issues, FIELD_ORDER), total: records.length };
}
