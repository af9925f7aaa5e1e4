'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { deleteDisclosureAction } from '@/modules/disclosures/actions/disclosures';
import type { DeleteState } from '@/modules/disclosures/validation/states';
import { isRefusal, refusalKey } from '@/core/forms/state';

/** Deletes the disclosure the user is looking at, after a confirmation (version-checked). */
export function DeleteDisclosure({ id, version }: { id: string; version: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<DeleteState, FormData>(deleteDisclosureAction, { status: 'idle' });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t('coordDisclosure.deleteConfirm'))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} data-testid="delete-disclosure">
        {t('coordDisclosure.delete')}
      </button>
      {state.status === 'stale' && (
        <p role="alert" className="error">
          {t('coordDisclosure.deleteStale')}
        </p>
      )}
      {isRefusal(state) && (
        <p role="alert" className="error">
          {t(refusalKey(state), { date: '' })}
        </p>
      )}
    </form>
  );
}
