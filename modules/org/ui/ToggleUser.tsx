'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { toggleUserAction } from '@/modules/org/actions/settings';
import type { ActionState } from '@/core/forms/state';

export function ToggleUser({ userId, disabled }: { userId: string; disabled: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ActionState, FormData>(toggleUserAction, { status: 'idle' });
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <button type="submit" disabled={pending}>
        {disabled ? t('admin.enable') : t('admin.disable')}
      </button>
      {state.status !== 'idle' && state.status !== 'saved' && (
        <span role="alert" className="field-error">
          {t(state.status === 'invalid' || state.status === 'error' ? 'common.errorBody' : `errors.${state.status}`)}
        </span>
      )}
    </form>
  );
}
