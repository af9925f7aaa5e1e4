import { describe, expect, it } from 'vitest';
import { checkUsers, proposedUsernames, type UserImportContext } from './users';
import type { Table } from './table';

const ctx: UserImportContext = {
  takenUsernames: new Set(['dongcheng.admin']),
  schools: [{ id: 's1', code: 'dc01', name: '东城区实验小学', active: true }],
  zones: [
    { id: 'z1', code: 'east', name: '城东片区', active: true },
    { id: 'z2', code: 'west', name: '城西片区', active: true },
  ],
};
const table = (...rows: string[][]): Table => ({ rows: rows.map((cells, i) => ({ line: i + 1, cells })) });
const HEAD = ['用户名', '姓名', '角色', '学校代码', '片区'];

describe('checkUsers', () => {
  it('maps Chinese role names, a school for coordinators and zones for evaluators', () => {
    const r = checkUsers(
      table(HEAD, ['Dongcheng.Li', '李老师', '校务公开联络员', 'dc01', ''], ['dongcheng.zhao', '赵督导', '督导评估人员', '', '城东片区、west'], ['dongcheng.wang', '王局', 'leader', '', '']),
      ctx,
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.map((u) => [u.username, u.role, u.schoolId, u.zoneIds])).toEqual([
      ['dongcheng.li', 'coordinator', 's1', []],
      ['dongcheng.zhao', 'evaluator', null, ['z1', 'z2']],
      ['dongcheng.wang', 'leader', null, []],
    ]);
  });

  it('lists every bad row with its reason', () => {
    const r = checkUsers(
      table(
        HEAD,
        ['dongcheng.admin', '重名', '局领导', '', ''],
        ['a.one', '甲', '校长', '', ''],
        ['a.two', '乙', '联络员', '', ''],
        ['a.three', '丙', '联络员', 'dc99', ''],
        ['a.four', '丁', '局领导', 'dc01', ''],
        ['a.five', '戊', '督导', '', 'south'],
        ['a.six', '', '局领导', '', 'east'],
        ['a.six', '己', '局领导', '', ''],
      ),
      ctx,
    );
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.line, i.field, i.reason])).toEqual([
      [2, 'username', 'duplicateExisting'],
      [3, 'role', 'badRole'],
      [4, 'school', 'schoolRequired'],
      [5, 'school', 'unknownSchool'],
      [6, 'school', 'schoolNotAllowed'],
      [7, 'zones', 'unknownZone'],
      [8, 'displayName', 'missing'],
      [8, 'zones', 'zonesNotAllowed'],
      [9, 'username', 'duplicateInFile'],
    ]);
  });

  it('proposes the well-formed usernames of a file, lower-cased, for the uniqueness lookup', () => {
    expect(proposedUsernames(table(HEAD, ['A.B', 'x', 'leader'], ['bad name', 'y', 'leader'], ['a.b', 'z', 'leader']))).toEqual(['a.b']);
  });
});
