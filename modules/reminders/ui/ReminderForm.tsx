'use client';
// The reminders forms (issue 16): typed ActionState, every field's error beside it, what was typed
// kept on error (never a password or secret), and the send-test answer shown in words.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/core/forms/state';
import { FieldError } from '@/core/forms/ui';

export interface FormField {
  name: string;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'url' | 'number' | 'password' | 'checkbox' | 'select';
  options?: { value: string; label: string }[];
  defaultValue?: string;
  defaultChecked?: boolean;
  hint?: string;
  min?: number;
  max?: number;
  autoComplete?: string;
}

export function ReminderForm({
  action,
  hidden = {},
  fields = [],
  submitLabel,
  savedText,
  testId,
  className,
  danger,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  fields?: FormField[];
  submitLabel: string;
  savedText?: string;
  testId: string;
  className?: string;
  danger?: boolean;
}) {
  const t = useTranslations();
  const [state, run, pending] = useActionState<ActionState, FormData>(action, { status: 'idle' });
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const kept = 'values' in state && state.values ? state.values : null;
  const failed = state.status === 'conflict' || state.status === 'forbidden' || state.status === 'notFound' || state.status === 'error';
  return (
    <form action={run} className={className ?? 'form'} data-testid={testId} noValidate>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => {
        const id = `${testId}-${f.name}`;
        const err = errors[f.name];
        const describedBy = [err ? `${id}-error` : null, f.hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
        if (f.kind === 'checkbox') {
          return (
            <label key={`${f.name}:${kept ? (kept[f.name] ?? 'off') : ''}`} htmlFor={id} className="check">
              <input id={id} type="checkbox" name={f.name} defaultChecked={kept ? kept[f.name] === 'on' : f.defaultChecked} aria-describedby={describedBy} /> {f.label}
              {f.hint && (
                <span id={`${id}-hint`} className="small muted">
                  {' '}
                  {f.hint}
                </span>
              )}
            </label>
          );
        }
        const common = {
          id,
          name: f.name,
          defaultValue: f.kind === 'password' ? '' : (kept?.[f.name] ?? f.defaultValue ?? ''),
          'aria-invalid': err ? true : undefined,
          'aria-describedby': describedBy,
          autoComplete: f.autoComplete ?? (f.kind === 'password' ? 'new-password' : undefined),
        };
        return (
          <label key={`${f.name}:${kept?.[f.name] ?? ''}`} htmlFor={id}>
            {f.label}
            {f.kind === 'select' ? (
              <select {...common}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input type={f.kind} inputMode={f.kind === 'number' ? 'numeric' : undefined} min={f.min} max={f.max} {...common} />
            )}
            {f.hint && (
              <span id={`${id}-hint`} className="small muted">
                {f.hint}
              </span>
            )}
            <FieldError name={f.name} errors={errors} id={`${id}-error`} />
          </label>
        );
      })}
      <p>
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={pending}>
          {submitLabel}
        </button>{' '}
        {state.status === 'saved' && (
          <span role="status" className="notice-ok">
            {state.message === 'testSent' ? t('reminders.admin.testSent') : (savedText ?? t('reminders.admin.saved'))}
          </span>
        )}
        {state.status === 'invalid' && (
          <span role="alert" className="error">
            {t('validation.form')}
          </span>
        )}
        {failed && (
          <span role="alert" className="error">
            {state.status === 'conflict' && state.message ? t('reminders.admin.testFailed', { error: state.message }) : t(state.status === 'error' ? 'common.errorBody' : `errors.${state.status}`)}
          </span>
        )}
      </p>
    </form>
  );
}
