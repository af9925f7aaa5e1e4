'use client';
// 催办 in one click (issue 16): the schools ticked in the table (checkboxes tied to this form by
// its id) are reminded of their overdue items; the answer says how many were sent, already
// reminded today, or had nothing overdue.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { urgeAction } from '@/modules/reminders/actions/urge';
import type { ActionState } from '@/core/forms/state';

export function UrgeForm({ formId, schoolIds = [], label }: { formId: string; schoolIds?: string[]; label?: string }) {
  const t = useTranslations('reminders.urge');
  const tr = useTranslations();
  const [state, run, pending] = useActionState<ActionState, FormData>(urgeAction, { status: 'idle' });
  const counts = state.status === 'saved' && state.message ? state.message.split(',').map(Number) : null;
  return (
    <form id={formId} action={run} className="urge-form no-print" data-testid={formId}>
      {schoolIds.map((id) => (
        <input key={id} type="hidden" name="schoolId" value={id} />
      ))}
      <button type="submit" className="primary" disabled={pending}>
        {label ?? t('button')}
      </button>{' '}
      <span aria-live="polite">
        {counts && (
          <span role="status" className="notice-ok" data-testid="urge-result">
            {[
              counts[0]! > 0 || (counts[1] === 0 && counts[2] === 0) ? t('sent', { count: counts[0]! }) : null,
              counts[1]! > 0 ? t('already', { count: counts[1]! }) : null,
              counts[2]! > 0 ? t('nothing', { count: counts[2]! }) : null,
            ]
              .filter(Boolean)
              .join(' ')}
          </span>
        )}
        {state.status === 'invalid' && (
          <span role="alert" className="error">
            {t('noneSelected')}
          </span>
        )}
        {(state.status === 'forbidden' || state.status === 'notFound' || state.status === 'error' || state.status === 'conflict') && (
          <span role="alert" className="error">
            {tr(state.status === 'error' || state.status === 'conflict' ? 'common.errorBody' : `errors.${state.status}`)}
          </span>
        )}
      </span>
    </form>
  );
}

/** The checkbox of one school row, part of the form `formId`. */
export function UrgeCheckbox({ formId, schoolId, label }: { formId: string; schoolId: string; label: string }) {
  return <input type="checkbox" name="schoolId" value={schoolId} form={formId} aria-label={label} data-testid={`urge-${schoolId}`} />;
}
