'use server';
// District admin: survey set-up and codes for any school of the district (DESIGN §7).
import { revalidatePath } from 'next/cache';
import { fieldErrors } from '@/core/forms/field-errors';
import { defineAction } from '@/core/guard';
import { createSurvey, saveQuestions, updateSurveySettings } from '@/modules/surveys/data/admin';
import { createSurveySchema, parseQuestions, surveySettingsSchema } from '@/modules/surveys/validation/surveys';
import { generateCodes } from './generate-codes';

const PATH = '/admin/surveys';

export const createSurveyAction = defineAction({ roles: ['districtAdmin'], schema: createSurveySchema }, async ({ scope, input }) => {
  const r = await createSurvey(scope, input);
  if ('field' in r) return { status: 'invalid', fieldErrors: { [r.field]: { key: r.key } } };
  revalidatePath(PATH);
});

export const updateSurveyAction = defineAction({ roles: ['districtAdmin'], schema: surveySettingsSchema }, async ({ scope, input }) => {
  const r = await updateSurveySettings(scope, input);
  if (r !== 'saved') return { status: 'invalid', fieldErrors: { [r.field]: { key: r.key } } };
  revalidatePath(PATH);
});

/** The questions are a variable list (likert0…likertN, freeText): validated against their own count. */
export const saveQuestionsAction = defineAction({ roles: ['districtAdmin'] }, async ({ scope, values }) => {
  const parsed = parseQuestions(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error) };
  await saveQuestions(scope, parsed.data);
  revalidatePath(PATH);
});

export const generateCodesAction = generateCodes(PATH);
