'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { AdminState } from '@/core/forms/saved';
import { FormStatus, IssuedPasswordCard } from '@/core/forms/admin-fields';
import { resetPasswordAction } from '@/modules/org/actions/users';

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
