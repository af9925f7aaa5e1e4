'use client';
import { useFormatter, useTranslations } from 'next-intl';
import styles from '@/core/ui/school.module.css';

/** Tells the user their unsaved input was brought back, with a way to throw it away. */
export function DraftNotice({ restoredAt, onDiscard }: { restoredAt: number | null; onDiscard: () => void }) {
  const t = useTranslations('coordDraft');
  const format = useFormatter();
  if (restoredAt === null) return null;
  return (
    <p className={`${styles.banner} ${styles.bannerWarn}`} role="status" data-testid="draft-restored">
      {t('restored', { time: format.dateTime(new Date(restoredAt), { dateStyle: 'medium', timeStyle: 'short' }) })}{' '}
      <button type="button" className="linkish" onClick={onDiscard}>
        {t('discard')}
      </button>
    </p>
  );
}
