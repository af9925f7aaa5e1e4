'use client';
// Small pieces shared by the survey forms: a field's translated error and the form's status line.
import { useTranslations } from 'next-intl';
import type { ActionState, FieldMessage } from '@/core/forms/form';

export function FieldError({ id, error }: { id: string; error: FieldMessage | undefined }) {
  const t = useTranslations();
  if (!error) return null;
  return (
    <span id={id} className="field-error">
      {t(error.key, error.values)}
    </span>
  );
}

export function FormStatus({ state, savedText }: { state: ActionState; savedText?: string }) {
  const t = useTranslations();
  if (state.status === 'idle') return null;
  if (state.status === 'saved') {
    return (
      <p role="status" className="notice-ok">
        {savedText ?? t('common.saved')}
      </p>
    );
  }
  const formError = state.status === 'invalid' ? state.fieldErrors._form : undefined;
  return (
    <p role="alert" className="error">
      {state.status === 'invalid'
        ? formError
          ? t(formError.key, formError.values)
          : t('validation.form')
        : state.status === 'conflict'
          ? t('surveyErrors.conflict')
          : state.status === 'error'
            ? t('common.errorBody')
            : t(`errors.${state.status}`)}
    </p>
  );
}

/** Field props: the value to show (typed values survive an error) and the aria wiring. */
export function fieldProps(state: ActionState, name: string, initial: string, idPrefix = '') {
  const values = 'values' in state && state.values ? state.values : null;
  const err = state.status === 'invalid' ? state.fieldErrors[name] : undefined;
  const value = values && name in values ? values[name]! : initial;
  return {
    name,
    defaultValue: value,
    key: `${name}:${value}`,
    'aria-invalid': err ? true : undefined,
    'aria-describedby': err ? `${idPrefix}${name}-error` : undefined,
    errorId: `${idPrefix}${name}-error`,
    error: err,
  };
}
