// Zod issues → per-field message keys. Shared keys live in the `validation` namespace, the
// survey-specific ones in `surveyErrors` (messages/*/survey-forms.json).
import type { z } from 'zod';
import type { FieldErrors } from '@/core/forms/form';

const SHARED = ['required', 'number', 'integer', 'min', 'max', 'tooLong', 'invalid'];
const OWN = ['date', 'closesBeforeOpens', 'opensBeforeToday', 'opensFixed', 'tooManyQuestions', 'chooseOne'];

export function surveyFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (out[field]) continue;
    const [key = 'invalid', value] = issue.message.split(':');
    const full = OWN.includes(key) ? `surveyErrors.${key}` : `validation.${SHARED.includes(key) ? key : 'invalid'}`;
    const name = full.split('.')[1]!;
    out[field] = value !== undefined ? { key: full, values: { [name]: Number.isNaN(Number(value)) ? value : Number(value) } } : { key: full };
  }
  return out;
}
