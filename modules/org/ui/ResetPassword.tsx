'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordAction } from '@/modules/org/actions/users';
import type { IssuedState } from '@/modules/org/validation/states';
import { FormStatus } from '@/core/forms/ui';
import { ConfirmSubmit } from '@/core/ui/ConfirmSubmit';
import { IssuedPasswordCard } from '@/modules/org/ui/IssuedPasswordCard';

export function ResetPassword({ userId, userName }: { userId: string; userName: string }) {
  const t = useTranslations('adminUsers');
  const [state, action, pending] = useActionState<IssuedState, FormData>(resetPasswordAction, { status: 'idle' });
  return (
    <>
      {state.status === 'issued' && <IssuedPasswordCard issued={state.issued} />}
      <form action={action}>
        <input type="hidden" name="userId" value={userId} />
        <ConfirmSubmit
          label={t('resetPassword')}
          className="danger"
          disabled={pending}
          testId="reset-password"
          ask={{ title: t('resetConfirm.title', { name: userName }), body: t('resetConfirm.body'), confirm: t('resetConfirm.confirm') }}
        />
        <FormStatus state={state} />
      </form>
    </>
  );
}
