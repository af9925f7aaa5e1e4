'use client';
// Small pieces every administration form uses: the error beside a field, the outcome line under
// the form, and the one-time password card. Message keys arrive fully qualified (admin-form.ts).
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { AdminState, IssuedPassword } from './saved';
import type { FieldErrors } from './form';

export function errorsOf(state: AdminState): FieldErrors {
  return state.status === 'invalid' ? state.fieldErrors : {};
}

/** What a form shows after a failed submit: what was typed, else the initial values. */
export function valuesOf(state: AdminState, initial: Record<string, string>): Record<string, string> {
  return 'values' in state && state.values ? { ...initial, ...state.values } : initial;
}

/** aria wiring of an input to its error message. */
export function invalidProps(name: string, errors: FieldErrors) {
  return errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${name}-error` } : {};
}

export function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  const t = useTranslations();
  const e = errors[name];
  if (!e) return null;
  return (
    <span id={`${name}-error`} className="field-error">
      {t(e.key, e.values)}
    </span>
  );
}

/** The outcome of a submit that is not a field error: saved, or why nothing happened. */
export function FormStatus({ state, savedText }: { state: AdminState; savedText?: string }) {
  const t = useTranslations();
  if (state.status === 'idle' || state.status === 'issued') return null;
  if (state.status === 'saved') {
    return (
      <p role="status" className="notice-ok">
        {savedText ?? state.message ?? t('common.saved')}
      </p>
    );
  }
  if (state.status === 'invalid') {
    const form = state.fieldErrors._form;
    return (
      <p role="alert" className="error">
        {form ? t(form.key, form.values) : t('validation.form')}
      </p>
    );
  }
  return (
    <p role="alert" className="error">
      {t(state.status === 'error' ? 'common.errorBody' : `errors.${state.status}`)}
    </p>
  );
}

/** A one-time temporary password, shown once: it is not stored anywhere in clear. */
export function IssuedPasswordCard({ issued, note }: { issued: IssuedPassword; note?: string }) {
  const t = useTranslations('adminUsers');
  const [copied, setCopied] = useState(false);
  return (
    <div className="card issued" role="status" aria-live="polite">
      <p>
        <strong>{t('issuedTitle', { username: issued.username })}</strong>
      </p>
      <p>
        {t('temporaryPassword')} <code data-testid="temporary-password">{issued.password}</code>{' '}
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(issued.password).then(() => setCopied(true));
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </p>
      <p className="muted small">{note ?? t('issuedNote')}</p>
    </div>
  );
}
