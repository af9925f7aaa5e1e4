'use client';
// Why a code cannot be answered: used, unknown, not yet open, or closed — each said plainly.
import { useTranslations } from 'next-intl';
import type { CodeRefusal } from '@/modules/surveys/validation/answer';
import styles from './survey.module.css';

export function Refusal({ reason, date }: { reason: CodeRefusal | 'rateLimited'; date?: string }) {
  const t = useTranslations('surveyPublic');
  return (
    <section className={styles.message} role="alert" data-testid={`refused-${reason}`}>
      <h1>{t(`refused.${reason}.title`)}</h1>
      <p>{t(`refused.${reason}.body`, { date: date ?? '' })}</p>
    </section>
  );
}
