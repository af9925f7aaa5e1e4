import { describe, expect, it } from 'vitest';
import { checkHolidays, parseDay } from './holidays';
import type { Table } from './table';

const table = (...rows: string[][]): Table => ({ rows: rows.map((cells, i) => ({ line: i + 1, cells })) });

describe('holiday import', () => {
  it('parses the date formats people type', () => {
    expect(['2026-10-01', '2026/10/1', '2026.10.1', '2026年10月1日', '20261001', '２０２６-１０-０１'].map(parseDay)).toEqual(Array(6).fill('2026-10-01'));
    expect(['2026-02-30', '10/01/2026', '', '2026-13-01'].map(parseDay)).toEqual([null, null, null, null]);
  });

  it('lists bad and repeated dates', () => {
    const r = checkHolidays(table(['日期', '名称'], ['2026-10-01', '国庆节'], ['2026-10-01', '国庆节'], ['2026-02-30', '错'], ['', '空']));
    expect(r.rows).toEqual([{ line: 2, day: '2026-10-01', name: '国庆节' }]);
    expect(r.issues.map((i) => [i.line, i.reason])).toEqual([
      [3, 'duplicateInFile'],
      [4, 'badDate'],
      [5, 'missing'],
    ]);
  });
});
