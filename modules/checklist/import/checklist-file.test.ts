import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST_TEMPLATE } from '@/modules/checklist/domain/default-template';
import { checklistDocument, formatOf, parseChecklistFile, serializeChecklist } from './checklist-file';

const items = DEFAULT_CHECKLIST_TEMPLATE.map((it) => ({ ...it, retired: false }));

describe('checklist files', () => {
  it.each(['json', 'yaml'] as const)('round-trips the default template through %s', (format) => {
    const text = serializeChecklist(checklistDocument({ district: 'dongcheng', year: 2026, version: 1 }, items), format);
    expect(formatOf(`x.${format === 'json' ? 'json' : 'yml'}`, text)).toBe(format);
    const back = parseChecklistFile(text, format);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.year).toBe(2026);
    expect(back.items).toEqual(items);
  });

  it('accepts Chinese names for channels, frequency, audience and timing', () => {
    const yaml = `items:
  - code: X01
    name: 测试事项
    domain: 综合
    channels: 校务公开栏、公众号
    audience: 校内外
    frequency: 事件
    timing: 事前
    deadlineDays: 5
    weight: 2
    mandatory: 否
`;
    const r = parseChecklistFile(yaml, 'yaml');
    expect(r.ok && r.items[0]).toMatchObject({ channels: ['noticeBoard', 'website'], audience: 'both', frequency: 'event', timing: 'before', mandatory: false, tags: [] });
  });

  it('lists every problem as row, field and reason', () => {
    const json = JSON.stringify({
      items: [
        { code: 'A01', name: '好', domain: '综合', audience: 'both', frequency: 'annual', weight: 1, annualDueDate: '02-30' },
        { code: 'A02', name: '', domain: '综合', audience: 'everyone', frequency: 'monthly', weight: -1, timing: 'before', colour: 'red' },
        { code: 'a01', name: '重复', domain: '综合', audience: 'both', frequency: 'event', weight: 1 },
        'not an item',
      ],
    });
    const r = parseChecklistFile(json, 'json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.row, i.field, i.reason.key])).toEqual([
      [1, 'annualDueDate', 'adminForm.badMonthDay'],
      [2, 'colour', 'adminChecklist.file.unknownField'],
      [2, 'name', 'validation.required'],
      [2, 'audience', 'validation.required'],
      [2, 'weight', 'validation.min'],
      [3, 'code', 'adminChecklist.file.duplicateCode'],
      [4, 'item', 'adminChecklist.file.notAnItem'],
    ]);
  });

  it('explains unreadable files', () => {
    const y = parseChecklistFile('items:\n  - code: A\n    name: [unclosed', 'yaml');
    expect(!y.ok && y.issues[0]!.reason.key).toBe('adminChecklist.file.badYaml');
    const j = parseChecklistFile('{"items": [}', 'json');
    expect(!j.ok && j.issues[0]!.reason.key).toBe('adminChecklist.file.badJson');
    const e = parseChecklistFile('{"items": []}', 'json');
    expect(!e.ok && e.issues[0]!.reason.key).toBe('adminChecklist.file.noItems');
  });
});
