// Holiday list import (issue 7, DESIGN §6: the 公示 period skips the district's holidays):
// one row per day off, with its name. Dates as Excel shows them or as typed in Chinese.
import { localDate, parseLocalDate } from '@/core/domain/dates';
import type { LocalDate } from '@/core/domain/types';
import { mapColumns, type ColumnSpec } from './columns';
import { clip, sortIssues } from './issues';
import type { Checked } from './schools';
import type { Table } from './table';

export const HOLIDAY_COLUMNS = {
  day: { aliases: ['日期', '放假日期', 'date', 'day'], required: true },
  name: { aliases: ['名称', '节日', '假日名称', '说明', 'name', 'holiday'], required: false },
} satisfies Record<string, ColumnSpec>;
const FIELD_ORDER = Object.keys(HOLIDAY_COLUMNS);

export interface HolidayImportRow {
  line: number;
  day: LocalDate;
  name: string;
}

/** 2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日, 20261001 → 2026-10-01; null when not a real date. */
export function parseDay(raw: string): LocalDate | null {
  const s = raw.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  try {
    return parseLocalDate(localDate(Number(m[1]), Number(m[2]), Number(m[3])));
  } catch {
    return null;
  }
}

export function checkHolidays(table: Table): Checked<HolidayImportRow> {
  const { records, issues } = mapColumns(table, HOLIDAY_COLUMNS);
  if (issues.length) return { rows: [], issues, total: records.length };
  const seen = new Set<LocalDate>();
  const rows: HolidayImportRow[] = [];
  for (const { line, values: v } of records) {
    const before = issues.length;
    const day = v.day ? parseDay(v.day) : null;
    if (!v.day) issues.push({ line, field: 'day', reason: 'missing' });
    else if (!day) issues.push({ line, field: 'day', reason: 'badDate', value: clip(v.day) });
    else if (seen.has(day)) issues.push({ line, field: 'day', reason: 'duplicateInFile', value: day });
    if (day) seen.add(day);
    if (v.name.length > 50) issues.push({ line, field: 'name', reason: 'tooLong', value: clip(v.name) });
    if (issues.length === before && day) rows.push({ line, day, name: v.name });
  }
  return { rows, issues: sortIssues(issues, FIELD_ORDER), total: records.length };
}
