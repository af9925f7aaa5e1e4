'use client';
// Two tabs, one disclosure: the other save is shown next to what this user typed, and nothing is
// overwritten until the user chooses (issue 3: disclosures.version optimistic check).
import { useTranslations } from 'next-intl';
import type { DisclosureValues } from '@/modules/disclosures/validation/disclosures';
import styles from '@/core/ui/school.module.css';

export function ConflictPanel({ current, onTakeTheirs, onKeepMine }: { current: DisclosureValues; onTakeTheirs: () => void; onKeepMine: () => void }) {
  const t = useTranslations();
  const method = current.procurementMethod;
  return (
    <section className={styles.conflict} role="alert" data-testid="conflict">
      <h3>{t('coordDisclosure.conflictTitle')}</h3>
      <p>{t('coordDisclosure.conflictBody')}</p>
      <dl className={styles.facts}>
        <dt>{t('coordDisclosure.disclosedOn')}</dt>
        <dd>{current.disclosedOn}</dd>
        <dt>{t('coordDisclosure.channels')}</dt>
        <dd>{current.channels.map((c) => t(`coordTerms.channels.${c}`)).join(t('coordTerms.sep'))}</dd>
        <dt>{t('coordDisclosure.audience')}</dt>
        <dd>{current.audience ? t(`coordTerms.audience.${current.audience}`) : '—'}</dd>
        <dt>{t('coordDisclosure.summary')}</dt>
        <dd className={styles.pre} data-testid="conflict-summary">
          {current.summary}
        </dd>
        {current.plannedOn && (
          <>
            <dt>{t('coordDisclosure.plannedOn')}</dt>
            <dd>{current.plannedOn}</dd>
          </>
        )}
        {current.procurementAmount && (
          <>
            <dt>{t('coordDisclosure.amount')}</dt>
            <dd>
              {current.procurementAmount} · {method}
            </dd>
          </>
        )}
      </dl>
      <div className={styles.buttons}>
        <button type="button" onClick={onTakeTheirs}>
          {t('coordDisclosure.takeTheirs')}
        </button>
        <button type="button" onClick={onKeepMine}>
          {t('coordDisclosure.keepMine')}
        </button>
      </div>
    </section>
  );
}
