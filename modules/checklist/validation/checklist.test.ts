import { describe, expect, it } from 'vitest';
import { readForm } from '@/core/forms/read';
import { itemSchema } from './checklist';
import { fieldErrors } from '@/core/forms/field-errors';

function form(over: Record<string, string | string[]> = {}): FormData {
  const base: Record<string, string | string[]> = {
    code: 'G01',
    name: '学校发展规划与年度工作计划',
    domain: '综合',
    basis: '',
    content: '',
    responsibleParty: '校长办公室',
    channels: ['noticeBoard', 'website'],
    timeLimit: '每年3月31日前',
    audience: 'both',
    frequency: 'annual',
    deadlineDays: '',
    annualDueDate: '03-31',
    weight: '1',
    mandatory: ['false', 'true'],
    tags: '',
    timing: '',
    sortOrder: '',
  };
  const f = new FormData();
  for (const [k, v] of Object.entries({ ...base, ...over })) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

describe('checklist item form (§2)', () => {
  it('reads every field from FormData, with the hidden "false" before the mandatory checkbox', () => {
    const r = itemSchema.safeParse(readForm(form(), ['channels']).fields);
    expect(r.success && r.data).toMatchObject({ channels: ['noticeBoard', 'website'], deadlineDays: null, annualDueDate: '03-31', weight: 1, mandatory: true, tags: [], timing: null, sortOrder: 0 });
    const optional = itemSchema.safeParse(readForm(form({ mandatory: 'false', tags: 'congress, 重点' }), ['channels']).fields);
    expect(optional.success && optional.data).toMatchObject({ mandatory: false, tags: ['congress', '重点'] });
  });

  it('refuses incoherent scheduling with reasons beside the fields', () => {
    const r = itemSchema.safeParse(readForm(form({ frequency: 'monthly', timing: 'before', weight: '-1' }), ['channels']).fields);
    expect(fieldErrors(r.error!)).toEqual({
      weight: { key: 'validation.min', values: { min: 0 } },
      timing: { key: 'adminForm.timingNeedsEvent' },
      annualDueDate: { key: 'adminForm.dueDateNeedsAnnual' },
    });
    const s = itemSchema.safeParse(readForm(form({ frequency: 'monthly', timing: 'before' }), ['channels']).fields);
    expect(fieldErrors(s.error!)).toEqual({ timing: { key: 'adminForm.timingNeedsEvent' }, annualDueDate: { key: 'adminForm.dueDateNeedsAnnual' } });
    const d = itemSchema.safeParse(readForm(form({ annualDueDate: '3/31' }), ['channels']).fields);
    expect(fieldErrors(d.error!)).toEqual({ annualDueDate: { key: 'adminForm.badMonthDay' } });
  });
});
