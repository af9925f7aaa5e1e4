'use client';
// The respondent's form on a phone: each Likert question as five large choices, one optional
// free text, one submit. What was chosen survives a validation error.
import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import type { PublicQuestion } from '@/modules/surveys/data/public';
import { answerField, FREE_TEXT_MAX, LIKERT_VALUES, type SurveyAnswerState } from '@/modules/surveys/validation/answer';
import styles from './survey.module.css';
import { submitAnswerAction } from '@/modules/surveys/actions/answer';
import { Refusal } from './Refusal';

export function SurveyForm({ code, title, school, questions }: { code: string; title: string; school: string; questions: PublicQuestion[] }) {
  const t = useTranslations('surveyPublic');
  const tv = useTranslations();
  const [state, action, pending] = useActionState<SurveyAnswerState, FormData>(submitAnswerAction, { status: 'idle' });
  const form = useRef<HTMLFormElement>(null);
  // Issue 14: after a refused submit, take the respondent to the first question still unanswered
  // (on a phone it is usually far above the button) and put the focus on its first choice.
  useEffect(() => {
    if (state.status !== 'invalid' || !form.current) return;
    const first = form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    first.scrollIntoView({ block: 'start', behavior: 'smooth' });
    first.querySelector<HTMLInputElement>('input, textarea')?.focus({ preventScroll: true });
    if (first instanceof HTMLTextAreaElement) first.focus({ preventScroll: true });
  }, [state]);

  if (state.status === 'saved') {
    return (
      <section className={styles.message} role="status" data-testid="thanks">
        <h1>{t('thanksTitle')}</h1>
        <p>{t('thanksBody')}</p>
      </section>
    );
  }
  if (state.status === 'refused') return <Refusal reason={state.reason} date={state.date} />;

  const values = 'values' in state ? state.values : {};
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={action} noValidate ref={form}>
      <div className={styles.intro}>
        <h1>{title}</h1>
        <p className="muted">{school}</p>
        <p className="small muted">{t('anonymous')}</p>
      </div>
      <input type="hidden" name="code" value={code} />
      {questions.map((q, i) => {
        const n = i + 1;
        if (q.kind === 'text') {
          const err = errors.freeText;
          return (
            <div className={styles.question} key={q.id}>
              <label htmlFor="freeText">
                <strong>
                  {n}. {q.text}
                </strong>{' '}
                <span className="small muted">{t('optional')}</span>
              </label>
              <textarea
                id="freeText"
                name="freeText"
                className={styles.text}
                maxLength={FREE_TEXT_MAX}
                defaultValue={values.freeText ?? ''}
                key={`freeText:${values.freeText ?? ''}`}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? 'freeText-error' : undefined}
              />
              {err && (
                <span id="freeText-error" className="field-error">
                  {tv(err.key, err.values)}
                </span>
              )}
            </div>
          );
        }
        const field = answerField(q.id);
        const err = errors[field];
        return (
          <fieldset className={styles.question} key={q.id} aria-invalid={err ? true : undefined} aria-describedby={err ? `${field}-error` : undefined} data-question={q.id}>
            <legend>
              {n}. {q.text}
            </legend>
            <div className={styles.options}>
              {LIKERT_VALUES.map((v) => (
                <label className={styles.option} key={v}>
                  <input type="radio" name={field} value={v} defaultChecked={values[field] === v} key={`${field}:${values[field] ?? ''}`} />
                  <span className={styles.value}>{v}</span>
                  <span>{t(`likert.${v}`)}</span>
                </label>
              ))}
            </div>
            {err && (
              <span id={`${field}-error`} className="field-error">
                {tv(err.key, err.values)}
              </span>
            )}
          </fieldset>
        );
      })}
      {state.status === 'invalid' && (
        <p role="alert" className="error">
          {t('fixErrors')}
        </p>
      )}
      {state.status === 'rateLimited' && (
        <p role="alert" className="error">
          {t('refused.rateLimited.body')}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {tv('common.errorBody')}
        </p>
      )}
      <button type="submit" className={`primary ${styles.submit}`} disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
      <p className="small muted">{t('once')}</p>
    </form>
  );
}
