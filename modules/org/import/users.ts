// Bulk import of users (issue 7, DESIGN §1): a role, and a school for coordinators or optional
// zones for evaluators. Usernames are unique platform-wide. Pure: the data layer supplies context.
import { USERNAME_RE, type DistrictRole } from '@/modules/org/validation/org';
import { roleOf, splitList } from './aliases';
import { mapColumns, type ColumnSpec } from './columns';
import { clip, sortIssues, type ImportIssue } from './issues';
import { zoneLookup, type Checked, type ZoneRef } from './schools';
import type { Table } from './table';

export const USER_COLUMNS = {
  username: { aliases: ['用户名', '账号', '登录名', 'user name', 'login'], required: true },
  displayName: { aliases: ['姓名', '名字', '显示名', 'name', 'display name'], required: true },
  role: { aliases: ['角色', '身份', 'role'], required: true },
  school: { aliases: ['学校代码', '学校', '所在学校', 'school code', 'school'], required: false },
  zones: { aliases: ['片区', '负责片区', 'zone', 'zones'], required: false },
} satisfies Record<string, ColumnSpec>;
export type UserField = keyof typeof USER_COLUMNS;
const FIELD_ORDER = Object.keys(USER_COLUMNS);

export interface SchoolRef {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface UserImportContext {
  /** Of the usernames in the file, those already taken anywhere on the platform. */
  takenUsernames: ReadonlySet<string>;
  schools: readonly SchoolRef[];
  zones: readonly ZoneRef[];
}

export interface UserImportRow {
  line: number;
  username: string;
  displayName: string;
  role: DistrictRole;
  schoolId: string | null;
  zoneIds: string[];
}

/** The usernames a file proposes (lower-cased), for the platform-wide uniqueness lookup. */
export function proposedUsernames(table: Table): string[] {
  const { records } = mapColumns(table, USER_COLUMNS);
  return [...new Set(records.map((r) => r.values.username.toLowerCase()).filter((u) => USERNAME_RE.test(u)))];
}

function schoolLookup(schools: readonly SchoolRef[]): (raw: string) => SchoolRef | null {
  const map = new Map<string, SchoolRef>();
  for (const s of schools.filter((x) => x.active)) {
    map.set(s.code.toLowerCase(), s);
    map.set(s.name.normalize('NFKC').toLowerCase(), s);
  }
  return (raw) => map.get(raw.toLowerCase()) ?? null;
}

export function checkUsers(table: Table, ctx: UserImportContext): Checked<UserImportRow> {
  const { records, issues } = mapColumns(table, USER_COLUMNS);
  if (issues.length) return { rows: [], issues, total: records.length };
  const schoolOf = schoolLookup(ctx.schools);
  const zoneOf = zoneLookup(ctx.zones);
  const seen = new Set<string>();
  const rows: UserImportRow[] = [];
  for (const { line, values: v } of records) {
    const rowIssues: ImportIssue[] = [];
    const bad = (field: UserField, reason: ImportIssue['reason'], value?: string) => rowIssues.push({ line, field, reason, ...(value ? { value: clip(value) } : {}) });

    const username = v.username.toLowerCase();
    if (!username) bad('username', 'missing');
    else if (!USERNAME_RE.test(username)) bad('username', 'badFormat', v.username);
    else if (ctx.takenUsernames.has(username)) bad('username', 'duplicateExisting', v.username);
    else if (seen.has(username)) bad('username', 'duplicateInFile', v.username);
    if (username) seen.add(username);

    if (!v.displayName) bad('displayName', 'missing');
    else if (v.displayName.length > 50) bad('displayName', 'tooLong', v.displayName);

    const role = v.role ? roleOf(v.role) : null;
    if (!v.role) bad('role', 'missing');
    else if (!role) bad('role', 'badRole', v.role);

    const school = v.school ? schoolOf(v.school) : null;
    if (v.school && !school) bad('school', 'unknownSchool', v.school);
    else if (role === 'coordinator' && !v.school) bad('school', 'schoolRequired');
    else if (role && role !== 'coordinator' && v.school) bad('school', 'schoolNotAllowed', v.school);

    const zoneNames = splitList(v.zones);
    const zones = zoneNames.map(zoneOf);
    const unknown = zoneNames.find((_, i) => !zones[i]);
    if (unknown) bad('zones', 'unknownZone', unknown);
    else if (role && role !== 'evaluator' && zoneNames.length) bad('zones', 'zonesNotAllowed', v.zones);

    if (rowIssues.length || !role) issues.push(...rowIssues);
    else
      rows.push({
        line,
        username,
        displayName: v.displayName,
        role,
        schoolId: school?.id ?? null,
        zoneIds: [...new Set(zones.map((z) => z!.id))],
      });
  }
  return { rows, issues: sortIssues(issues, FIELD_ORDER), total: records.length };
}
