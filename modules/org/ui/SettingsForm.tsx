'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveSettingsAction } from '@/modules/org/actions/settings';
import type { ActionState } from '@/core/forms/state';
import { FieldError } from '@/core/forms/ui';

// §3, §4, §6, §7 settings of one year; the four ranking weights are each 0–1 and sum to 1.
const FIELDS = [
  ['reportDueDays', '1'],
  ['closeDays', '1'],
  ['weightCoverage', '0.01'],
  ['weightTimeliness', '0.01'],
  ['weightScore', '0.01'],
  ['weightSatisfaction', '0.01'],
  ['quotaPercent', '0.1'],
  ['minComposite', '0.1'],
  ['minResponses', '1'],
  ['noticeWorkingDays', '1'],
] as const;

export function SettingsForm({ year, initial }: { year: number; initial: Record<string, string> }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ActionState, FormData>(saveSettingsAction, { status: 'idle' });
  const values = 'values' in state && state.values ? state.values : initial;
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={action} className="form card" noValidate>
      <input type="hidden" name="year" value={year} />
      {FIELDS.map(([name, step]) => {
        const err = errors[name];
        return (
          <label key={name}>
            {t(`admin.${name}`)}
            <input
              name={name}
              type="number"
              step={step}
              inputMode="decimal"
              defaultValue={values[name]}
              key={`${name}:${values[name]}`}
              aria-invalid={err ? true : undefined}
              aria-describedby={err ? `${name}-error` : undefined}
            />
            <FieldError name={name} errors={errors} />
          </label>
        );
      })}
      {state.status === 'invalid' && (
        <p role="alert" className="error">
          {t('validation.form')}
        </p>
      )}
      {state.status === 'saved' && (
        <p role="status" className="notice-ok">
          {t('common.saved')}
        </p>
      )}
      {['forbidden', 'notFound', 'error', 'conflict'].includes(state.status) && (
        <p role="alert" className="error">
          {t(state.status === 'error' ? 'common.errorBody' : `errors.${state.status}`)}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {t('common.save')}
      </button>
    </form>
  );
}
