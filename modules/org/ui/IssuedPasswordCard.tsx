'use client';
// A one-time temporary password, shown once: it is not stored anywhere in clear.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { IssuedPassword } from '@/modules/org/validation/states';

/** A one-time temporary password, shown once: it is not stored anywhere in clear. */
export function IssuedPasswordCard({ issued, note }: { issued: IssuedPassword; note?: string }) {
  const t = useTranslations('adminUsers');
  const [copied, setCopied] = useState(false);
  return (
    <div className="card issued" role="status" aria-live="polite">
      <p>
        <strong>{t('issuedTitle', { username: issued.username })}</strong>
      </p>
      <p>
        {t('temporaryPassword')} <code data-testid="temporary-password">{issued.password}</code>{' '}
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(issued.password).then(() => setCopied(true));
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </p>
      <p className="muted small">{note ?? t('issuedNote')}</p>
    </div>
  );
}
