// Zod schemas for survey set-up and code batches (district admin, coordinators). FormData values
// are strings; error messages are full message keys (`validation.*` or `surveyErrors.*`).
import { z } from 'zod';
import { parseLocalDate } from '@/core/domain/dates';
import { SURVEY_GROUPS } from '@/core/domain/types';
import { numberField, textField } from '@/core/forms/zod-fields';

export const MAX_BATCH = 500;
export const MAX_LIKERT_QUESTIONS = 15;
export const QUESTION_MAX_LENGTH = 200;

const localDateField = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .refine((v) => parseLocalDate(v) !== null, { error: 'surveyErrors.date' });

const yearField = numberField({ min: 2000, max: 2100, int: true });

/** Title and dates of a survey (§7); the closing day is on or after the opening day. */
export const surveySettingsSchema = z
  .object({
    surveyId: z.string().max(64),
    title: textField({ max: 100 }),
    opensOn: localDateField,
    closesOn: localDateField,
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ['closesOn'], error: 'surveyErrors.closesBeforeOpens' });
export type SurveySettingsInput = z.infer<typeof surveySettingsSchema>;

export const createSurveySchema = z
  .object({
    year: yearField,
    group: z.enum(SURVEY_GROUPS, { error: 'invalid' }),
    title: textField({ max: 100 }),
    opensOn: localDateField,
    closesOn: localDateField,
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ['closesOn'], error: 'surveyErrors.closesBeforeOpens' });
export type CreateSurveyInput = z.infer<typeof createSurveySchema>;

const questionText = textField({ min: 2, max: QUESTION_MAX_LENGTH });

/**
 * The question editor posts `likert0…likertN` (likert0 is the overall question, §4) and
 * `freeText` (the one free-text question, §7).
 */
export function parseQuestions(values: Record<string, string>) {
  const likertKeys = Object.keys(values)
    .filter((k) => /^likert\d{1,2}$/.test(k))
    .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
  const shape: Record<string, z.ZodType<string>> = { surveyId: z.string().max(64), freeText: questionText };
  for (const k of likertKeys) shape[k] = questionText;
  const schema = z.object(shape).superRefine((v, ctx) => {
    if (likertKeys[0] !== 'likert0') ctx.addIssue({ code: 'custom', path: ['likert0'], message: 'required' });
    if (likertKeys.length > MAX_LIKERT_QUESTIONS) ctx.addIssue({ code: 'custom', path: ['_form'], message: `surveyErrors.tooManyQuestions:${MAX_LIKERT_QUESTIONS}` });
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { success: false as const, error: parsed.error };
  const data = parsed.data as Record<string, string>;
  return {
    success: true as const,
    data: { surveyId: data.surveyId!, likert: likertKeys.map((k) => data[k]!), freeText: data.freeText! },
  };
}
export type QuestionsInput = { surveyId: string; likert: string[]; freeText: string };

export const batchSchema = z.object({
  surveyId: z.string({ error: 'required' }).min(1, { error: 'required' }).max(64),
  schoolId: z.string({ error: 'required' }).min(1, { error: 'required' }).max(64),
  count: numberField({ min: 1, max: MAX_BATCH, int: true }),
});
export type BatchInput = z.infer<typeof batchSchema>;
