import { describe, expect, it } from 'vitest';
import { SURVEY_GROUPS } from '@/core/domain/types';
import { DEFAULT_SURVEY_QUESTIONS } from '@/seed/surveys';
import { DEFAULT_QUESTIONS, defaultDates, defaultTitle } from './defaults';

describe('§7 default survey set-up', () => {
  it('matches the questions the demo seed used (one overall question first, one free text last)', () => {
    for (const g of SURVEY_GROUPS) {
      const seeded = DEFAULT_SURVEY_QUESTIONS[g].map(([text, kind, isOverall]) => ({ kind, text, isOverall: isOverall ?? false }));
      expect(DEFAULT_QUESTIONS[g]).toEqual(seeded);
      expect(DEFAULT_QUESTIONS[g][0]!.isOverall).toBe(true);
      expect(DEFAULT_QUESTIONS[g].filter((q) => q.kind === 'text')).toHaveLength(1);
      expect(DEFAULT_QUESTIONS[g].at(-1)!.kind).toBe('text');
    }
  });

  it('titles name the year and the group', () => {
    expect(defaultTitle(2027, 'teachers')).toBe('2027年度校务公开满意度调查（教师卷）');
    expect(defaultTitle(2027, 'parents')).toContain('家长卷');
  });

  it('suggests 1 Nov – 15 Dec, never opening before tomorrow', () => {
    expect(defaultDates(2027, '2027-03-01')).toEqual({ opensOn: '2027-11-01', closesOn: '2027-12-15' });
    expect(defaultDates(2026, '2026-11-23')).toEqual({ opensOn: '2026-11-24', closesOn: '2026-12-24' });
  });
});
