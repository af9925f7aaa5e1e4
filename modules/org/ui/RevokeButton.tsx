'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { revokeTokenAction } from '@/modules/org/actions/tokens';
import type { ActionState } from '@/core/forms/state';

export function RevokeButton({ tokenId }: { tokenId: string }) {
  const t = useTranslations();
  const [state, run, pending] = useActionState<ActionState, FormData>(revokeTokenAction, { status: 'idle' });
  return (
    <form action={run}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={pending}>
        {t('apiTokens.revoke')}
      </button>
      {state.status !== 'idle' && state.status !== 'saved' && (
        <span role="alert" className="field-error">
          {t('errors.notFound')}
        </span>
      )}
    </form>
  );
}
