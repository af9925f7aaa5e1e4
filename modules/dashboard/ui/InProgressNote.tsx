// §4: a period that has not ended is labelled in progress, and says what its rates leave out.
import { getTranslations } from 'next-intl/server';
import styles from './dashboard.module.css';

export async function InProgressNote({ notYetDue, reports, testId = 'in-progress' }: { notYetDue: number; reports?: number; testId?: string }) {
  const t = await getTranslations('dashboard.inProgress');
  return (
    <p className={`small ${styles.inProgress}`} data-testid={testId}>
      {reports === undefined ? t('obligationsOnly', { obligations: notYetDue }) : t('note', { obligations: notYetDue, reports })}
    </p>
  );
}
