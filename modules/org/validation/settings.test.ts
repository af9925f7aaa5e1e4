import { describe, expect, it } from 'vitest';
import { settingsSchema } from './settings';
import { fieldErrors } from '@/core/forms/field-errors';

const good = {
  year: '2026',
  reportDueDays: '15',
  closeDays: '45',
  weightCoverage: '0.3',
  weightTimeliness: '0.2',
  weightScore: '0.3',
  weightSatisfaction: '0.2',
  quotaPercent: '15',
  minComposite: '85',
  minResponses: '10',
  noticeWorkingDays: '5',
};

describe('settingsSchema on FormData strings', () => {
  it('accepts the defaults as strings', () => {
    const r = settingsSchema.safeParse(good);
    expect(r.success).toBe(true);
    expect(r.data?.weightScore).toBe(0.3);
  });
  it('reports every bad field with a translatable key', () => {
    const r = settingsSchema.safeParse({ ...good, reportDueDays: '', closeDays: 'abc', quotaPercent: '0', noticeWorkingDays: '2.5' });
    expect(r.success).toBe(false);
    const errors = fieldErrors(r.error!);
    expect(errors.reportDueDays).toEqual({ key: 'validation.required' });
    expect(errors.closeDays).toEqual({ key: 'validation.number' });
    expect(errors.quotaPercent).toEqual({ key: 'validation.min', values: { min: 1 } });
    expect(errors.noticeWorkingDays).toEqual({ key: 'validation.integer' });
  });
  it('requires the four weights to sum to 1', () => {
    const r = settingsSchema.safeParse({ ...good, weightCoverage: '0.4' });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!).weightCoverage).toEqual({ key: 'validation.weightsSum' });
  });
});
