import { describe, expect, it } from 'vitest';
import { coversSchool, type Scope } from './scope';

const base: Scope = {
  userId: 'u',
  username: 'x',
  displayName: 'x',
  role: 'evaluator',
  districtId: 'd1',
  schoolId: null,
  zoneIds: null,
  mustChangePassword: false,
};
const school = { id: 's1', districtId: 'd1', zoneId: 'z1' };

describe('coversSchool', () => {
  it('lets a district-wide evaluator see every school of the district, none of another', () => {
    expect(coversSchool(base, school)).toBe(true);
    expect(coversSchool(base, { ...school, districtId: 'd2' })).toBe(false);
  });
  it('limits a zone evaluator to assigned zones', () => {
    const z = { ...base, zoneIds: ['z1'] };
    expect(coversSchool(z, school)).toBe(true);
    expect(coversSchool(z, { ...school, zoneId: 'z2' })).toBe(false);
    expect(coversSchool(z, { ...school, zoneId: null })).toBe(false);
  });
  it('limits a coordinator to exactly one school', () => {
    const c: Scope = { ...base, role: 'coordinator', schoolId: 's1' };
    expect(coversSchool(c, school)).toBe(true);
    expect(coversSchool(c, { ...school, id: 's2' })).toBe(false);
  });
  it('gives platform admins no school data', () => {
    expect(coversSchool({ ...base, role: 'platformAdmin', districtId: null }, school)).toBe(false);
  });
});
