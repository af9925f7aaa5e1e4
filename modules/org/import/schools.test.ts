import { describe, expect, it } from 'vitest';
import { checkSchools, type SchoolImportContext } from './schools';
import type { Table } from './table';

const ctx: SchoolImportContext = {
  existingCodes: new Set(['dc01']),
  zones: [
    { id: 'z-east', code: 'east', name: '城东片区', active: true },
    { id: 'z-old', code: 'old', name: '旧片区', active: false },
  ],
};

const table = (...rows: string[][]): Table => ({ rows: rows.map((cells, i) => ({ line: i + 1, cells })) });

describe('checkSchools', () => {
  it('accepts Chinese type names and English keys, zones by code or name, Chinese or English headers', () => {
    const r = checkSchools(
      table(
        ['学校代码*', '学校名称（必填）', '类型', '片区'],
        ['a1', '甲小学', '小学', 'east'],
        ['a2', '乙中学', '完中', '城东片区'],
        ['a3', '丙学校', 'nineYear', ''],
        ['a4', '丁中学', '高中', 'EAST'],
      ),
      ctx,
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.code, x.type, x.zoneId])).toEqual([
      ['a1', 'primary', 'z-east'],
      ['a2', 'senior', 'z-east'],
      ['a3', 'nineYear', null],
      ['a4', 'senior', 'z-east'],
    ]);
    const en = checkSchools(table(['code', 'name', 'type', 'zone'], ['b1', 'B', 'junior', '']), ctx);
    expect(en.rows).toHaveLength(1);
  });

  it('lists every bad row with its reason: duplicate code, unknown zone, bad type, missing field', () => {
    const r = checkSchools(
      table(
        ['代码', '名称', '类型', '片区'],
        ['dc01', '已存在', '小学', ''],
        ['n1', '新学校', '小学', ''],
        ['N1', '重复', '初中', ''],
        ['n2', '未知片区', '初中', 'nowhere'],
        ['n3', '停用片区', '初中', 'old'],
        ['n4', '', '大学', ''],
        ['bad code!', '格式', '小学', ''],
      ),
      ctx,
    );
    expect(r.total).toBe(7);
    expect(r.rows.map((x) => x.code)).toEqual(['n1']);
    expect(r.issues).toEqual([
      { line: 2, field: 'code', reason: 'duplicateExisting', value: 'dc01' },
      { line: 4, field: 'code', reason: 'duplicateInFile', value: 'N1' },
      { line: 5, field: 'zone', reason: 'unknownZone', value: 'nowhere' },
      { line: 6, field: 'zone', reason: 'unknownZone', value: 'old' },
      { line: 7, field: 'name', reason: 'missing' },
      { line: 7, field: 'type', reason: 'badType', value: '大学' },
      { line: 8, field: 'code', reason: 'badFormat', value: 'bad code!' },
    ]);
  });

  it('reports a missing required column once, on the header row', () => {
    const r = checkSchools(table(['代码', '名称'], ['x1', 'X']), ctx);
    expect(r.issues).toEqual([{ line: 1, field: 'type', reason: 'missingColumn' }]);
    expect(r.rows).toEqual([]);
  });
});
