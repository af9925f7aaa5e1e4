'use server';
// District admin: survey set-up and codes for any school of the district (DESIGN §7).
// Who may run them: districtAdmin only (enforced in modules/surveys/data/admin and surveys-codes).
import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/core/auth/action';
import { createSurvey, saveQuestions, updateSurveySettings } from '@/modules/surveys/data/admin';
import { formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { createSurveySchema, parseQuestions, surveySettingsSchema } from '@/modules/surveys/validation/surveys';
import { surveyFieldErrors } from '@/modules/surveys/validation/errors';
import { generateCodesAt } from './generate-codes';

const PATH = '/admin/surveys';

export async function createSurveyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = createSurveySchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: surveyFieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    const r = await createSurvey(scope, parsed.data);
    if ('field' in r) return { status: 'invalid', fieldErrors: { [r.field]: { key: r.key } }, values };
    revalidatePath(PATH);
    return { status: 'saved' };
  }, values);
}

export async function updateSurveyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = surveySettingsSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: surveyFieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    const r = await updateSurveySettings(scope, parsed.data);
    if (r !== 'saved') return { status: 'invalid', fieldErrors: { [r.field]: { key: r.key } }, values };
    revalidatePath(PATH);
    return { status: 'saved' };
  }, values);
}

export async function saveQuestionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = parseQuestions(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: surveyFieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    await saveQuestions(scope, parsed.data);
    revalidatePath(PATH);
    return { status: 'saved' };
  }, values);
}

export async function generateCodesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return generateCodesAt(PATH, formData);
}
