'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { changePasswordAction } from '@/modules/org/actions/password';
import type { ActionState } from '@/core/forms/state';
import { FieldError } from '@/core/forms/ui';

export function PasswordForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, { status: 'idle' });
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  if (state.status === 'saved') {
    return (
      <p role="status" className="notice-ok">
        {t('account.changed')} {t('account.otherSessionsEnded')} <Link href="/">{t('common.home')}</Link>
      </p>
    );
  }
  return (
    <form action={action} className="form card" noValidate>
      {(['current', 'next', 'confirm'] as const).map((name) => (
        <label key={name}>
          {t(`account.${name}`)}
          <input
            name={name}
            type="password"
            autoComplete={name === 'current' ? 'current-password' : 'new-password'}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={errors[name] ? `${name}-error` : undefined}
          />
          <FieldError name={name} errors={errors} />
        </label>
      ))}
      {state.status === 'forbidden' && (
        <p role="alert" className="error">
          {t('errors.forbidden')}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {t('common.save')}
      </button>
    </form>
  );
}
