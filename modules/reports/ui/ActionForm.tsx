'use client';
// One small form for the review actions: typed ActionState (STYLE), every field's error beside
// it, what was typed kept on error, and the data layer's conflict reasons translated.
import { useActionState } from 'react';
import type { ActionState } from '@/core/forms/state';
import { FieldError, FormStatus } from '@/core/forms/ui';
import { ConfirmSubmit, type ConfirmText } from '@/core/ui/ConfirmSubmit';

export interface Field {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'select';
  options?: { value: string; label: string }[];
  min?: number | string;
  max?: number | string;
  defaultValue?: string;
  required?: boolean;
}

export function ActionForm({
  action,
  hidden,
  fields = [],
  submitLabel,
  className,
  testId,
  danger,
  savedText,
  confirm,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  fields?: Field[];
  submitLabel: string;
  className?: string;
  testId?: string;
  danger?: boolean;
  savedText?: string;
  /** Ask before submitting (a step that cannot be undone by a click). */
  confirm?: ConfirmText;
}) {
  const [state, run, pending] = useActionState<ActionState, FormData>(action, { status: 'idle' });
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const values = 'values' in state && state.values ? state.values : {};
  const idBase = `${testId ?? 'f'}-${Object.values(hidden).join('-').slice(0, 40)}`;
  return (
    <form action={run} className={className ?? 'form inline-form'} data-testid={testId} noValidate>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => {
        const err = errors[f.name];
        const id = `${idBase}-${f.name}`;
        const common = {
          id,
          name: f.name,
          defaultValue: values[f.name] ?? f.defaultValue ?? '',
          'aria-invalid': err ? true : undefined,
          'aria-describedby': err ? `${id}-error` : undefined,
          required: f.required,
        };
        return (
          <label key={`${f.name}:${values[f.name] ?? ''}`} htmlFor={id}>
            {f.label}
            {f.kind === 'textarea' ? (
              <textarea rows={2} {...common} />
            ) : f.kind === 'select' ? (
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
            <FieldError name={f.name} errors={errors} id={`${id}-error`} />
          </label>
        );
      })}
      {confirm ? (
        <ConfirmSubmit label={submitLabel} ask={confirm} className={danger ? 'danger' : 'primary'} disabled={pending} />
      ) : (
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={pending}>
          {submitLabel}
        </button>
      )}
      {state.status === 'saved' && savedText ? (
        <span role="status" className="notice-ok">
          {savedText}
        </span>
      ) : state.status !== 'saved' ? (
        <FormStatus state={state} conflictNs="evaluatorReport.conflict" />
      ) : null}
    </form>
  );
}
