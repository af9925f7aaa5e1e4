'use client';
import { useTranslations } from 'next-intl';

// Never shows a stack trace: only a translated message and a retry.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  return (
    <main className="page">
      <div className="card" role="alert">
        <h1>{t('errorTitle')}</h1>
        <p>{t('errorBody')}</p>
        <button type="button" onClick={reset}>
          {t('retry')}
        </button>
      </div>
    </main>
  );
}
