'use client';
// District admin: edit a survey's questions before it opens (§7). The first Likert question is
// the overall question 满意率 is computed from (§4) and cannot be removed; one free text closes.
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FieldError, FormStatus } from '@/core/forms/ui';
import { MAX_LIKERT_QUESTIONS, QUESTION_MAX_LENGTH } from '@/modules/surveys/validation/surveys';
import { saveQuestionsAction } from '@/modules/surveys/actions/admin';
import type { ActionState } from '@/core/forms/state';

interface Row {
  key: number;
  text: string;
}

export function QuestionEditor({ surveyId, likert, freeText }: { surveyId: string; likert: string[]; freeText: string }) {
  const t = useTranslations('surveyAdmin');
  const [state, action, pending] = useActionState<ActionState, FormData>(saveQuestionsAction, { status: 'idle' });
  const [rows, setRows] = useState<Row[]>(() => likert.map((text, key) => ({ key, text })));
  const [nextKey, setNextKey] = useState(likert.length);
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const values = 'values' in state && state.values ? state.values : null;

  const setText = (key: number, text: string) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, text } : r)));
  const remove = (key: number) => setRows((rs) => rs.filter((r) => r.key !== key));
  const add = () => {
    setRows((rs) => [...rs, { key: nextKey, text: '' }]);
    setNextKey((k) => k + 1);
  };

  return (
    <form action={action} className="form question-editor" noValidate data-testid={`questions-${surveyId}`}>
      <input type="hidden" name="surveyId" value={surveyId} />
      <ol className="question-list">
        {rows.map((r, i) => {
          const name = `likert${i}`;
          const err = errors[name];
          return (
            <li key={r.key}>
              <label>
                {i === 0 ? t('overallQuestion') : t('likertQuestion', { n: i + 1 })}
                <textarea
                  name={name}
                  rows={2}
                  maxLength={QUESTION_MAX_LENGTH}
                  value={r.text}
                  onChange={(e) => setText(r.key, e.target.value)}
                  aria-invalid={err ? true : undefined}
                  aria-describedby={err ? `${surveyId}-${name}-error` : undefined}
                />
                <FieldError name={name} errors={errors} id={`${surveyId}-${name}-error`} />
              </label>
              {i > 0 && (
                <button type="button" className="linkish" onClick={() => remove(r.key)}>
                  {t('removeQuestion')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {rows.length < MAX_LIKERT_QUESTIONS && (
        <button type="button" onClick={add}>
          {t('addQuestion')}
        </button>
      )}
      <label>
        {t('freeTextQuestion')}
        <textarea
          name="freeText"
          rows={2}
          maxLength={QUESTION_MAX_LENGTH}
          defaultValue={values?.freeText ?? freeText}
          key={`freeText:${values?.freeText ?? freeText}`}
          aria-invalid={errors.freeText ? true : undefined}
          aria-describedby={errors.freeText ? `${surveyId}-freeText-error` : undefined}
        />
        <FieldError name="freeText" errors={errors} id={`${surveyId}-freeText-error`} />
      </label>
      <FormStatus state={state} conflictKey="surveyErrors.conflict" />
      <button type="submit" className="primary" disabled={pending}>
        {t('saveQuestions')}
      </button>
    </form>
  );
}
