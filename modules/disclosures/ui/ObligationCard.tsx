import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/core/ui/StatusBadge';
import type { DisclosureFormData } from '@/modules/disclosures/data/form';
import { periodText } from '@/core/ui/period-text';
import styles from '@/core/ui/school.module.css';
import { Icon } from '@/core/ui/Icon';

/** The obligation being disclosed: the checklist item's elements (§2), its period and deadline (§3). */
export async function ObligationCard({ data }: { data: DisclosureFormData }) {
  const t = await getTranslations();
  const ob = data.obligation;
  return (
    <section className={`card ${styles.panel}`} data-testid="obligation">
      <h2>
        <span className={styles.code}>{data.item.code}</span>
        {data.item.name}
      </h2>
      <dl className={styles.facts}>
        <dt>{t('common.period')}</dt>
        <dd>{periodText(t, data.periodKey, ob.event)}</dd>
        <dt>{t('common.deadline')}</dt>
        <dd>
          {ob.deadline} <StatusBadge status={ob.status} />
        </dd>
        {ob.event && (
          <>
            <dt>{t('coordDisclosure.eventDate')}</dt>
            <dd>
              {ob.event.eventDate} · <Link href={`/school/events?q=${data.q.year}-Q${data.q.quarter}`}>{t('coordDisclosure.toEvents')}</Link>
            </dd>
          </>
        )}
        {data.item.timingBefore && (
          <>
            <dt>{t('coordDisclosure.timing')}</dt>
            <dd>{t('coordDisclosure.timingBefore')}</dd>
          </>
        )}
        <dt>{t('coordDisclosure.content')}</dt>
        <dd>{data.item.content || '—'}</dd>
        <dt>{t('coordDisclosure.basis')}</dt>
        <dd>{data.item.basis || '—'}</dd>
        <dt>{t('coordDisclosure.responsible')}</dt>
        <dd>{data.item.responsibleParty || '—'}</dd>
        <dt>{t('coordDisclosure.timeLimit')}</dt>
        <dd>{data.item.timeLimit || '—'}</dd>
        <dt>{t('coordDisclosure.itemChannels')}</dt>
        <dd>{data.item.channels.map((c) => t(`coordTerms.channels.${c}`)).join(t('coordTerms.sep')) || '—'}</dd>
        <dt>{t('coordDisclosure.itemAudience')}</dt>
        <dd>{t(`coordTerms.audience.${data.item.audience}`)}</dd>
      </dl>
      {data.siblings.length > 0 && (
        <>
          <h3>{t('coordDisclosure.siblings')}</h3>
          <ul className={styles.records}>
            {data.siblings.map((s) => (
              <li key={s.id}>
                <Link href={`/school/disclosures/${s.id}`}>
                  {s.disclosedOn} · {s.channels.map((c) => t(`coordTerms.channels.${c}`)).join(t('coordTerms.sep'))}
                </Link>
                {s.rejection && (
                  <span className={styles.bad}>
                    {' '}
                    <Icon name="cross" /> {s.rejection}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
