'use server';
// Public: answer a survey with a code (DESIGN §7). No login; rate-limited per client address
// (modules/surveys/data/throttle.ts); the address only counts hits and never reaches the answer.
import { headers } from 'next/headers';
import { submitResponse } from '@/modules/surveys/data/public';
import { clientAddress } from '@/core/http/client-address';
import { countSurveyHit, surveyBlocked } from '@/modules/surveys/data/throttle';
import { formDataObject, asFormData } from '@/core/forms/form';
import type { SurveyAnswerState } from '@/modules/surveys/validation/answer';

export async function submitAnswerAction(_prev: SurveyAnswerState, formData: FormData): Promise<SurveyAnswerState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const address = clientAddress(await headers());
  try {
    if ((await surveyBlocked(address)) || (await countSurveyHit(address))) return { status: 'rateLimited', values };
    const r = await submitResponse(values.code ?? '', values);
    if (r.status === 'invalid') return { status: 'invalid', fieldErrors: r.fieldErrors, values };
    if (r.status === 'refused') return { status: 'refused', reason: r.reason, date: r.date };
    return { status: 'saved' };
  } catch (e) {
    console.error('[survey]', e instanceof Error ? e.message : e);
    return { status: 'error', values };
  }
}
