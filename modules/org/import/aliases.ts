// Chinese names and English keys accepted in import files (issue 7: "Accept Chinese type names
// (小学/初中/九年一贯制/高中/完中) and the English keys").
import { SCHOOL_TYPES, type SchoolType } from '@/core/domain/types';
import { DISTRICT_ROLES, type DistrictRole } from '@/modules/org/validation/org';

const SCHOOL_TYPE_NAMES: Record<SchoolType, string[]> = {
  primary: ['小学', '小學'],
  junior: ['初中', '初级中学'],
  nineYear: ['九年一贯制', '九年一贯制学校', '九年制'],
  senior: ['高中', '完中', '高中/完中', '高级中学', '完全中学'],
};

const ROLE_NAMES: Record<DistrictRole, string[]> = {
  districtAdmin: ['区县管理员', '管理员'],
  evaluator: ['督导评估人员', '督导评估', '督导', '评估人员'],
  leader: ['局领导', '领导'],
  coordinator: ['校务公开联络员', '联络员'],
};

function lookup<K extends string>(keys: readonly K[], names: Record<K, string[]>): (raw: string) => K | null {
  const map = new Map<string, K>();
  for (const k of keys) {
    map.set(k.toLowerCase(), k);
    for (const n of names[k]) map.set(n, k);
  }
  return (raw) => map.get(raw.normalize('NFKC').trim().toLowerCase()) ?? null;
}

export const schoolTypeOf = lookup(SCHOOL_TYPES, SCHOOL_TYPE_NAMES);
export const roleOf = lookup(DISTRICT_ROLES, ROLE_NAMES);

/** The name a template file shows for each type (the first Chinese name). */
export const SCHOOL_TYPE_LABEL: Record<SchoolType, string> = {
  primary: '小学',
  junior: '初中',
  nineYear: '九年一贯制',
  senior: '高中',
};
export const ROLE_LABEL: Record<DistrictRole, string> = {
  districtAdmin: '区县管理员',
  evaluator: '督导评估人员',
  leader: '局领导',
  coordinator: '校务公开联络员',
};

/** Several zones in one cell: 城东片区、城西片区 / east,west / east;west. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,，;；、|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
