import { describe, expect, it } from 'vitest';
import { batchSchema, createSurveySchema, parseQuestions, surveySettingsSchema } from './surveys';
import { parseAnswer } from './answer';
import { fieldErrors } from '@/core/forms/field-errors';

describe('survey set-up schemas on FormData strings', () => {
  it('accepts a survey with valid dates', () => {
    const r = createSurveySchema.safeParse({ year: '2027', group: 'parents', title: ' 2027年度调查 ', opensOn: '2027-11-01', closesOn: '2027-12-15' });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ year: 2027, group: 'parents', title: '2027年度调查' });
  });

  it('reports every bad field with a translatable key', () => {
    const r = createSurveySchema.safeParse({ year: 'x', group: 'pupils', title: '', opensOn: '2027-02-30', closesOn: '' });
    expect(r.success).toBe(false);
    const e = fieldErrors(r.error!);
    expect(e.year).toEqual({ key: 'validation.number' });
    expect(e.group).toEqual({ key: 'validation.invalid' });
    expect(e.title).toEqual({ key: 'validation.required' });
    expect(e.opensOn).toEqual({ key: 'surveyErrors.date' });
    expect(e.closesOn).toEqual({ key: 'validation.required' });
  });

  it('refuses a closing day before the opening day', () => {
    const r = surveySettingsSchema.safeParse({ surveyId: 'x', title: 't', opensOn: '2027-11-10', closesOn: '2027-11-09' });
    expect(fieldErrors(r.error!).closesOn).toEqual({ key: 'surveyErrors.closesBeforeOpens' });
  });

  it('reads the question editor: likert0 first, in numeric order, plus the free text', () => {
    const r = parseQuestions({ surveyId: 's', likert10: '第十一题', likert0: '总体满意', likert2: '第三题', freeText: '其他意见？' });
    expect(r.success && r.data).toEqual({ surveyId: 's', likert: ['总体满意', '第三题', '第十一题'], freeText: '其他意见？' });
    const bad = parseQuestions({ surveyId: 's', likert0: '', likert1: 'x'.repeat(201), freeText: '' });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      const e = fieldErrors(bad.error);
      expect(e.likert0).toEqual({ key: 'validation.required' });
      expect(e.likert1).toEqual({ key: 'validation.tooLong' });
      expect(e.freeText).toEqual({ key: 'validation.required' });
    }
    const none = parseQuestions({ surveyId: 's', likert1: '没有总体题', freeText: '意见？' });
    expect(none.success).toBe(false);
  });

  it('limits a batch to 1–500 codes', () => {
    expect(batchSchema.safeParse({ surveyId: 'a', schoolId: 'b', count: '60' }).data?.count).toBe(60);
    const r = batchSchema.safeParse({ surveyId: 'a', schoolId: 'b', count: '501' });
    expect(fieldErrors(r.error!).count).toEqual({ key: 'validation.max', values: { max: 500 } });
    expect(batchSchema.safeParse({ surveyId: 'a', schoolId: 'b', count: '2.5' }).success).toBe(false);
  });
});

describe('a respondent’s answer', () => {
  const ids = ['q1', 'q2'];
  it('needs every Likert question answered 1–5; free text is optional and trimmed', () => {
    expect(parseAnswer(ids, { q_q1: '5', q_q2: '3', freeText: '  很好\r\n谢谢 ' })).toEqual({ ok: true, data: { answers: { q1: 5, q2: 3 }, freeText: '很好\n谢谢' } });
    expect(parseAnswer(ids, { q_q1: '4', q_q2: '1' })).toEqual({ ok: true, data: { answers: { q1: 4, q2: 1 }, freeText: null } });
  });
  it('names each missing or bad answer', () => {
    const r = parseAnswer(ids, { q_q1: '6', freeText: 'x'.repeat(1001) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors.q_q1).toEqual({ key: 'surveyErrors.chooseOne' });
      expect(r.fieldErrors.q_q2).toEqual({ key: 'surveyErrors.chooseOne' });
      expect(r.fieldErrors.freeText).toEqual({ key: 'validation.tooLong' });
    }
  });
  it('drops control characters from free text', () => {
    const r = parseAnswer([], { freeText: 'a\u0000b\u0007c' });
    expect(r.ok && r.data.freeText).toBe('abc');
  });
});
