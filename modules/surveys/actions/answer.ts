'use server';
// Public: answer a survey with a code (DESIGN §7). No login; rate-limited per client address
// (modules/surveys/data/throttle.ts); the address only counts hits and never reaches the answer.
import { headers } from 'next/headers';
import { definePublicAction } from '@/core/guard';
import { clientAddress } from '@/core/http/client-address';
import { submitResponse } from '@/modules/surveys/data/public';
import { countSurveyHit, surveyBlocked } from '@/modules/surveys/data/throttle';
import type { SurveyAnswerState } from '@/modules/surveys/validation/answer';

export const submitAnswerAction = definePublicAction<Record<string, string>, SurveyAnswerState>({}, async ({ values }) => {
  const address = clientAddress(await headers());
  if ((await surveyBlocked(address)) || (await countSurveyHit(address))) return { status: 'rateLimited', values };
  const r = await submitResponse(values.code ?? '', values);
  if (r.status === 'invalid') return { status: 'invalid', fieldErrors: r.fieldErrors, values };
  if (r.status === 'refused') return { status: 'refused', reason: r.reason, date: r.date };
  return { status: 'saved' };
});
