'use client';
// A one-button form acting on one row (withdraw an event or a statement), with its outcome.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { RowState } from '@/modules/obligations/validation/states';
import { deleteEventAction, withdrawNoMatterAction } from '@/modules/obligations/actions/events';
import { refusalKey, isRefusal } from '@/core/forms/state';

const ACTIONS = { deleteEvent: deleteEventAction, withdrawNoMatter: withdrawNoMatterAction };

export function RowButton({ kind, id, label, confirm }: { kind: keyof typeof ACTIONS; id: string; label: string; confirm: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<RowState, FormData>(ACTIONS[kind], { status: 'idle' });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
      }}
      style={{ display: 'inline' }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="linkish" disabled={pending}>
        {label}
      </button>
      {state.status === 'hasDisclosures' && (
        <span role="alert" className="field-error">
          {' '}
          {t('coordEvents.hasDisclosures')}
        </span>
      )}
      {isRefusal(state) && (
        <span role="alert" className="field-error">
          {' '}
          {t(refusalKey(state), { date: '' })}
        </span>
      )}
    </form>
  );
}
