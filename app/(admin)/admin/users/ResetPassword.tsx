'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { AdminState } from '@/lib/validation/admin-form';
import { FormStatus, IssuedPasswordCard } from '../_ui/form';
import { resetPasswordAction } from './actions';

export function ResetPassword({ userId }: { userId: string }) {
  const t = useTranslations('adminUsers');
  const [state, action, pending] = useActionState<AdminState, FormData>(resetPasswordAction, { status: 'idle' });
  return (
    <>
      {state.status === 'issued' && <IssuedPasswordCard issued={state.issued} />}
      <form action={action}>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" disabled={pending}>
          {t('resetPassword')}
        </button>
        <FormStatus state={state} />
      </form>
    </>
  );
}
