import { describe, expect, it } from 'vitest';
import { readForm } from '@/core/forms/read';
import { createUserSchema, schoolSchema, zoneSchema } from './org';
import { fieldErrors } from '@/core/forms/field-errors';

const fd = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe('admin forms parse real FormData', () => {
  it('creates an evaluator limited to two zones (checkbox group → array), username lower-cased', () => {
    const raw = readForm(
      fd([
        ['username', ' Dongcheng.Zhao '],
        ['displayName', '赵督导'],
        ['role', 'evaluator'],
        ['schoolId', ''],
        ['zoneIds', 'z1'],
        ['zoneIds', 'z2'],
      ]),
      ['zoneIds'],
    ).fields;
    const r = createUserSchema.safeParse(raw);
    expect(r.success && r.data).toEqual({ username: 'dongcheng.zhao', displayName: '赵督导', role: 'evaluator', schoolId: null, zoneIds: ['z1', 'z2'] });
  });

  it('says why a user cannot be created, field by field (§1 role scope)', () => {
    const r = createUserSchema.safeParse(
      readForm(
        fd([
          ['username', 'x'],
          ['displayName', ''],
          ['role', 'coordinator'],
          ['zoneIds', 'z1'],
        ]),
        ['zoneIds'],
      ).fields,
    );
    // Every field's reason at once, the role rules included.
    expect(fieldErrors(r.error!)).toEqual({
      username: { key: 'adminForm.usernameFormat' },
      displayName: { key: 'validation.required' },
      schoolId: { key: 'adminForm.schoolRequired' },
      zoneIds: { key: 'adminForm.zonesNotAllowed' },
    });
    const scopeErrors = createUserSchema.safeParse(
      readForm(
        fd([
          ['username', 'a.coord'],
          ['displayName', '甲'],
          ['role', 'coordinator'],
          ['zoneIds', 'z1'],
        ]),
        ['zoneIds'],
      ).fields,
    );
    expect(fieldErrors(scopeErrors.error!)).toEqual({ schoolId: { key: 'adminForm.schoolRequired' }, zoneIds: { key: 'adminForm.zonesNotAllowed' } });
    const leader = createUserSchema.safeParse({ username: 'a.lead', displayName: '乙', role: 'leader', schoolId: 'some-school', zoneIds: [] });
    expect(fieldErrors(leader.error!)).toEqual({ schoolId: { key: 'adminForm.schoolNotAllowed' } });
  });

  it('parses zones and schools from strings; an empty zone means none', () => {
    expect(zoneSchema.parse({ code: 'east', name: '城东片区', sortOrder: '' })).toEqual({ code: 'east', name: '城东片区', sortOrder: 0 });
    expect(schoolSchema.parse({ code: 'dc30', name: '新学校', type: 'nineYear', zoneId: '' })).toEqual({ code: 'dc30', name: '新学校', type: 'nineYear', zoneId: null, active: true });
    const bad = schoolSchema.safeParse({ code: 'bad code', name: '', type: '大学', zoneId: '' });
    expect(fieldErrors(bad.error!)).toEqual({ code: { key: 'adminForm.codeFormat' }, name: { key: 'validation.required' }, type: { key: 'validation.required' } });
  });
});
