'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction } from '@/modules/org/actions/users';
import type { IssuedState } from '@/modules/org/validation/states';
import { FormStatus } from '@/core/forms/ui';
import { IssuedPasswordCard } from '@/modules/org/ui/IssuedPasswordCard';

export function ResetPassword({ userId }: { userId: string }) {
  const t = useTranslations('adminUsers');
  const [state, action, pending] = useActionState<IssuedState, FormData>(resetPasswordAction, { status: 'idle' });
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
