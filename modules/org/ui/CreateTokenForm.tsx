'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createTokenAction } from '@/modules/org/actions/tokens';
import type { ActionState } from '@/core/forms/state';
import { FieldError, errorsOf } from '@/core/forms/ui';

export function CreateTokenForm() {
  const t = useTranslations();
  const [state, run, pending] = useActionState<ActionState, FormData>(createTokenAction, { status: 'idle' });
  const err = state.status === 'invalid' ? state.fieldErrors.name : undefined;
  return (
    <form action={run} className="form card" noValidate data-testid="create-token">
      <label htmlFor="token-name">
        {t('apiTokens.name')}
        <input id="token-name" name="name" maxLength={80} aria-invalid={err ? true : undefined} aria-describedby={err ? 'token-name-error' : undefined} />
        <FieldError name="name" errors={errorsOf(state)} id="token-name-error" />
      </label>
      <button type="submit" className="primary" disabled={pending}>
        {t('apiTokens.create')}
      </button>
      {state.status === 'saved' && state.message && (
        <div role="status" className="token-once">
          <p>{t('apiTokens.showOnce')}</p>
          <code data-testid="new-token">{state.message}</code>
        </div>
      )}
      {(state.status === 'forbidden' || state.status === 'error' || state.status === 'notFound') && (
        <p role="alert" className="error">
          {t(state.status === 'error' ? 'common.errorBody' : `errors.${state.status}`)}
        </p>
      )}
    </form>
  );
}
