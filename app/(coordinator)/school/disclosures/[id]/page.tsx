import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { dateTime } from '@/core/ui/format';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { disclosureForm } from '@/modules/disclosures/data/form';
import { closeDate } from '@/core/domain/periods';
import { EntryNotice } from '@/modules/obligations/ui/EntryNotice';
import { EvidenceManager } from '@/modules/disclosures/ui/EvidenceManager';
import { quarterParam } from '@/core/domain/quarter-param';
import styles from '@/core/ui/school.module.css';
import { DeleteDisclosure } from '@/modules/disclosures/ui/DeleteDisclosure';
import { DisclosureForm } from '@/modules/disclosures/ui/DisclosureForm';
import { DisclosureSummary } from '@/modules/disclosures/ui/DisclosureSummary';
import { ObligationCard } from '@/modules/disclosures/ui/ObligationCard';
import { found } from '@/core/found';
import { Icon } from '@/core/ui/Icon';

export const dynamic = 'force-dynamic';

/** /school/disclosures/[id] — one of the school's disclosures: edit while open, else read-only. */
export default async function DisclosurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['coordinator']);
  const { id } = await params;
  const saved = (await searchParams).saved === '1';
  const data = await found(disclosureForm(scope, id));
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const qp = quarterParam(data.q);
  const back = `/school?q=${qp}`;
  const newHref = `/school/disclosures/new?item=${encodeURIComponent(data.item.code)}&period=${encodeURIComponent(data.periodKey)}`;
  return (
    <AppShell scope={scope}>
      <p>
        <Link href={back}>← {t('common.quarter', { year: data.q.year, quarter: data.q.quarter })}</Link>
      </p>
      <h1>{t('coordDisclosure.editTitle', { code: data.item.code, name: data.item.name })}</h1>
      {saved && (
        <p className={`${styles.banner} ${styles.bannerOk}`} role="status" data-testid="saved">
          {t('coordDisclosure.created')} <Link href={back}>{t('coordDisclosure.backToQuarter')}</Link>
          {!data.block && (
            <>
              {' · '}
              <Link href={newHref}>{t('coordDisclosure.recordAnother')}</Link>
            </>
          )}
        </p>
      )}
      <EntryNotice block={data.block} afterLock={data.afterLock} closesOn={closeDate(data.q, data.rules.closeDays)} />
      {data.rejections.map((r) => (
        <p key={r.at.toISOString()} className={`${styles.banner} ${styles.bannerBad}`} role="status">
          {t('coordDisclosure.rejected', { reason: r.reason })}
          {r.revisedAt && (
            <>
              <br />
              <span data-testid="revised-awaiting">{t('coordDisclosure.revisedAwaiting', { time: dateTime(r.revisedAt, locale) })}</span>
            </>
          )}
        </p>
      ))}
      {data.procurementFlag && (
        <p className={`${styles.banner} ${styles.bannerWarn}`}>
          <Icon name="warning" /> {t('coordDisclosure.warning.procurementFlagged')}
        </p>
      )}
      <div className={styles.layout}>
        <div>
          {data.block ? (
            <DisclosureSummary values={data.values} />
          ) : (
            <DisclosureForm
              mode="edit"
              id={data.id}
              version={data.version}
              formKey={data.formKey}
              userKey={scope.userId}
              itemCode={data.item.code}
              periodKey={data.periodKey}
              rules={data.rules}
              initial={data.values}
              draft={data.draft}
              suggested={data.item.channels}
              backHref={back}
            />
          )}
          <div className={`card ${styles.panel}`}>
            <EvidenceManager ownerType="disclosure" ownerId={data.id} initial={data.evidence} editable={!data.block} />
          </div>
          {!data.block && (
            <div className={`card ${styles.panel}`}>
              <DeleteDisclosure id={data.id} version={data.version} />
            </div>
          )}
        </div>
        <ObligationCard data={data} />
      </div>
    </AppShell>
  );
}
