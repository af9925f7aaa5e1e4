'use client';
// Generate a batch of single-use codes (DESIGN §7); on success the action opens the print sheet.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { MAX_BATCH } from '@/modules/surveys/validation/surveys';
import { FieldError, FormStatus, errorsOf, fieldProps } from '@/core/forms/ui';
import type { ActionState } from '@/core/forms/state';

export interface Option {
  value: string;
  label: string;
}

export function GenerateCodesForm({
  action,
  surveys,
  schools,
  defaultCount,
  testId,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  surveys: Option[];
  /** One school: a fixed hidden field (coordinators); several: a choice (district admin). */
  schools: Option[];
  defaultCount: number;
  testId?: string;
}) {
  const t = useTranslations('surveyCodes');
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { status: 'idle' });
  const prefix = testId ? `${testId}-` : '';
  const survey = fieldProps(state, 'surveyId', surveys[0]?.value ?? '', prefix);
  const school = fieldProps(state, 'schoolId', schools[0]?.value ?? '', prefix);
  const count = fieldProps(state, 'count', String(defaultCount), prefix);
  return (
    <form action={formAction} className="form" noValidate data-testid={testId}>
      {surveys.length === 1 ? (
        <input type="hidden" name="surveyId" value={surveys[0]!.value} />
      ) : (
        <label>
          {t('survey')}
          <select name={survey.name} defaultValue={survey.defaultValue} key={survey.key} aria-invalid={survey['aria-invalid']} aria-describedby={survey['aria-describedby']}>
            {surveys.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <FieldError name={survey.name} errors={errorsOf(state)} id={survey.errorId} />
        </label>
      )}
      {surveys.length === 1 && <FieldError name={survey.name} errors={errorsOf(state)} id={survey.errorId} />}
      {schools.length === 1 ? (
        <input type="hidden" name="schoolId" value={schools[0]!.value} />
      ) : (
        <label>
          {t('school')}
          <select name={school.name} defaultValue={school.defaultValue} key={school.key} aria-invalid={school['aria-invalid']} aria-describedby={school['aria-describedby']}>
            {schools.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <FieldError name={school.name} errors={errorsOf(state)} id={school.errorId} />
        </label>
      )}
      <label>
        {t('count', { max: MAX_BATCH })}
        <input
          name={count.name}
          type="number"
          min={1}
          max={MAX_BATCH}
          step={1}
          inputMode="numeric"
          defaultValue={count.defaultValue}
          key={count.key}
          aria-invalid={count['aria-invalid']}
          aria-describedby={count['aria-describedby']}
        />
        <FieldError name={count.name} errors={errorsOf(state)} id={count.errorId} />
      </label>
      <FormStatus state={state} conflictKey="surveyErrors.conflict" />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t('generating') : t('generate')}
      </button>
    </form>
  );
}
