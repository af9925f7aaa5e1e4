'use client';
// The district's contact for objections to a 公示 (issue 14), printed on the notices it publishes.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveNoticeContactAction } from '@/modules/org/actions/settings';
import type { ActionState } from '@/core/forms/state';
import { errorsOf, FieldError, FormStatus } from '@/core/forms/ui';

export function NoticeContactForm({ initial }: { initial: string }) {
  const t = useTranslations('admin');
  const [state, action, pending] = useActionState<ActionState, FormData>(saveNoticeContactAction, { status: 'idle' });
  const typed = 'values' in state && state.values ? state.values.noticeContact : undefined;
  const errors = errorsOf(state);
  return (
    <form action={action} className="form" noValidate data-testid="notice-contact-form">
      <label htmlFor="noticeContact">{t('noticeContact')}</label>
      <textarea
        id="noticeContact"
        name="noticeContact"
        rows={3}
        maxLength={300}
        defaultValue={typed ?? initial}
        key={`c:${typed ?? initial}`}
        placeholder={t('noticeContactPlaceholder')}
        aria-invalid={errors.noticeContact ? true : undefined}
        aria-describedby={errors.noticeContact ? 'noticeContact-error' : 'noticeContact-hint'}
      />
      <span id="noticeContact-hint" className="small muted">
        {t('noticeContactHint')}
      </span>
      <FieldError name="noticeContact" errors={errors} id="noticeContact-error" />
      <div>
        <button type="submit" className="primary" disabled={pending}>
          {t('noticeContactSave')}
        </button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
