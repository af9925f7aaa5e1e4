import { getTranslations } from 'next-intl/server';
import { PROCUREMENT_METHODS, type DisclosureValues } from '@/modules/disclosures/validation/disclosures';
import styles from '@/core/ui/school.module.css';

/** A disclosure as recorded, for a quarter that can no longer be changed. */
export async function DisclosureSummary({ values }: { values: DisclosureValues }) {
  const t = await getTranslations();
  const method = PROCUREMENT_METHODS.find((m) => m.value === values.procurementMethod);
  return (
    <section className={`card ${styles.panel}`} data-testid="disclosure-summary">
      <dl className={styles.facts}>
        <dt>{t('coordDisclosure.disclosedOn')}</dt>
        <dd>{values.disclosedOn}</dd>
        {values.plannedOn && (
          <>
            <dt>{t('coordDisclosure.plannedOn')}</dt>
            <dd>{values.plannedOn}</dd>
          </>
        )}
        <dt>{t('coordDisclosure.channels')}</dt>
        <dd>{values.channels.map((c) => t(`coordTerms.channels.${c}`)).join(t('coordTerms.sep'))}</dd>
        <dt>{t('coordDisclosure.audience')}</dt>
        <dd>{t(`coordTerms.audience.${values.audience}`)}</dd>
        <dt>{t('coordDisclosure.summary')}</dt>
        <dd className={styles.pre}>{values.summary}</dd>
        {values.procurementAmount && (
          <>
            <dt>{t('coordDisclosure.amount')}</dt>
            <dd>{values.procurementAmount}</dd>
            <dt>{t('coordDisclosure.method')}</dt>
            <dd>{method ? t(`coordTerms.procurementMethod.${method.key}`) : values.procurementMethod}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
