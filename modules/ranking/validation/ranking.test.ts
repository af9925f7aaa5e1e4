import { describe, expect, it } from 'vitest';
import { answerSchema, objectionSchema, parseYear, rankingQuerySchema, reopenSchema } from './ranking';
import { fieldErrors } from '@/core/forms/field-errors';

const ID = '0b6f3c1e-4d2a-4f6b-9c8d-1a2b3c4d5e6f';

describe('ranking inputs', () => {
  it('parses ?year= strictly', () => {
    expect(parseYear('2025')).toBe(2025);
    expect(parseYear(' 2025 ')).toBe(2025);
    for (const bad of ['', 'abc', '2025.5', '1999', '3000', undefined, null, ['2025']]) expect(parseYear(bad)).toBeNull();
  });

  it('falls back to defaults for unknown filters', () => {
    expect(rankingQuerySchema.parse({})).toEqual({ group: undefined, zone: undefined, sort: 'rank', view: 'published' });
    expect(rankingQuerySchema.parse({ group: 'junior', zone: ID, sort: 'composite', view: 'live' })).toEqual({ group: 'junior', zone: ID, sort: 'composite', view: 'live' });
    expect(rankingQuerySchema.parse({ group: 'evil', zone: "1' or 1=1", sort: 'x', view: 'y' })).toEqual({ group: undefined, zone: undefined, sort: 'rank', view: 'published' });
  });

  it('needs a reason to reopen and an answer to answer (FormData strings)', () => {
    const fd = new FormData();
    fd.set('snapshotId', ID);
    fd.set('reason', '   ');
    const r = reopenSchema.safeParse(Object.fromEntries(fd));
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ reason: { key: 'validation.required' } });
    expect(reopenSchema.parse({ snapshotId: ID, reason: ' 数据更正 ' }).reason).toBe('数据更正');
    const a = answerSchema.safeParse({ objectionId: 'nope', answer: 'x'.repeat(2001) });
    expect(a.success).toBe(false);
    if (!a.success) expect(Object.keys(fieldErrors(a.error)).sort()).toEqual(['answer', 'objectionId']);
  });

  it('takes an objection with an optional contact', () => {
    expect(objectionSchema.parse({ text: '  该校存在违规收费问题  ', contact: '' })).toEqual({ text: '该校存在违规收费问题', contact: null });
    expect(objectionSchema.parse({ text: '该校存在违规收费问题', contact: ' 138xxxx ' }).contact).toBe('138xxxx');
    const short = objectionSchema.safeParse({ text: 'abc' });
    expect(short.success).toBe(false);
    if (!short.success) expect(fieldErrors(short.error)).toEqual({ text: { key: 'validation.minLength', values: { minLength: 5 } } });
    const empty = objectionSchema.safeParse({ text: '', contact: 'x'.repeat(201) });
    if (!empty.success) expect(fieldErrors(empty.error)).toEqual({ text: { key: 'validation.required' }, contact: { key: 'validation.tooLong' } });
    else expect.unreachable();
  });
});
