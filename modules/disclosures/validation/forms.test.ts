import { describe, expect, it } from 'vitest';
import { declareEventSchema, noMatterSchema } from '@/modules/obligations/validation/events';
import { submitReportSchema } from '@/modules/reports/validation/school-report';
import { evidenceLinkSchema, isSafeHttpUrl } from './evidence-links';
import { rectificationSchema } from '@/modules/reports/validation/findings-school';
import { fieldErrors } from '@/core/forms/field-errors';

const uuid = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('declareEventSchema', () => {
  it('accepts FormData strings and trims', () => {
    expect(declareEventSchema.parse({ itemCode: 'P01', eventDate: '2026-11-20', title: ' 职称评审推荐 ' })).toEqual({ itemCode: 'P01', eventDate: '2026-11-20', title: '职称评审推荐' });
  });
  it('reports every field', () => {
    const r = declareEventSchema.safeParse({ itemCode: 'x; drop', eventDate: '2026-13-01', title: '' });
    expect(fieldErrors(r.error!)).toEqual({
      itemCode: { key: 'coordValidation.itemRequired' },
      eventDate: { key: 'coordValidation.date.invalidDate' },
      title: { key: 'validation.required' },
    });
  });
});

describe('noMatterSchema', () => {
  it('coerces year and quarter and requires a reason', () => {
    expect(noMatterSchema.parse({ itemCode: 'M05', year: '2026', quarter: '4', reason: '本季度未接受捐赠' })).toMatchObject({ year: 2026, quarter: 4 });
    const r = noMatterSchema.safeParse({ itemCode: 'M05', year: '2026', quarter: '5', reason: ' ' });
    expect(fieldErrors(r.error!)).toEqual({ quarter: { key: 'validation.invalid' }, reason: { key: 'validation.required' } });
  });
});

describe('submitReportSchema', () => {
  it('reads the confirmation checkbox', () => {
    expect(submitReportSchema.parse({ year: '2026', quarter: '4', version: '0', confirmGaps: 'on' })).toEqual({ year: 2026, quarter: 4, version: 0, confirmGaps: true });
    expect(submitReportSchema.parse({ year: '2026', quarter: '4', version: '3' }).confirmGaps).toBe(false);
    expect(submitReportSchema.safeParse({ year: '2026', quarter: '4', version: '-1' }).success).toBe(false);
  });
});

describe('rectificationSchema', () => {
  it('needs ids and a response', () => {
    expect(rectificationSchema.parse({ findingId: uuid, rectificationId: uuid, response: '已整改' }).response).toBe('已整改');
    const r = rectificationSchema.safeParse({ findingId: 'x', rectificationId: uuid, response: 'y'.repeat(4001) });
    expect(fieldErrors(r.error!)).toEqual({ findingId: { key: 'validation.invalid' }, response: { key: 'validation.tooLong' } });
  });
});

describe('evidence links', () => {
  it('accepts http(s) URLs only', () => {
    expect(isSafeHttpUrl('https://mp.weixin.qq.com/s/abc')).toBe(true);
    expect(isSafeHttpUrl('http://school.example.cn/notice?id=1')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'ftp://x.cn/a', '//x.cn', 'https://user:pw@x.cn', 'https://x.cn/a b', 'notaurl']) {
      expect(isSafeHttpUrl(bad), bad).toBe(false);
    }
  });
  it('gives a translatable reason', () => {
    expect(fieldErrors(evidenceLinkSchema.safeParse({ url: 'javascript:alert(1)' }).error!)).toEqual({ url: { key: 'coordValidation.urlInvalid' } });
    expect(fieldErrors(evidenceLinkSchema.safeParse({}).error!)).toEqual({ url: { key: 'validation.required' } });
  });
});
