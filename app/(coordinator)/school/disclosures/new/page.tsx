import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { closeDate } from '@/core/domain/periods';
import { newDisclosureForm } from '@/modules/disclosures/data/form';
import { EntryNotice } from '@/modules/obligations/ui/EntryNotice';
import { EvidenceManager } from '@/modules/disclosures/ui/EvidenceManager';
import { quarterParam } from '@/core/domain/quarter-param';
import styles from '@/core/ui/school.module.css';
import { DisclosureForm } from '@/modules/disclosures/ui/DisclosureForm';
import { ObligationCard } from '@/modules/disclosures/ui/ObligationCard';
import { found } from '@/core/found';

export const dynamic = 'force-dynamic';

/** /school/disclosures/new?item=CODE&period=KEY — record a disclosure of one obligation (§3). */
export default async function NewDisclosurePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['coordinator']);
  const sp = await searchParams;
  const item = typeof sp.item === 'string' ? sp.item : '';
  const period = typeof sp.period === 'string' ? sp.period : '';
  const data = await found(newDisclosureForm(scope, item, period));
  const t = await getTranslations();
  const back = `/school?q=${quarterParam(data.q)}`;
  return (
    <AppShell scope={scope}>
      <p>
        <Link href={back}>← {t('common.quarter', { year: data.q.year, quarter: data.q.quarter })}</Link>
      </p>
      <h1>{t('coordDisclosure.newTitle', { code: data.item.code, name: data.item.name })}</h1>
      <EntryNotice block={data.block} afterLock={data.afterLock} closesOn={closeDate(data.q, data.rules.closeDays)} />
      <div className={styles.layout}>
        <div>
          {!data.block && (
            <DisclosureForm
              mode="new"
              id={data.id}
              version={0}
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
          {!data.block && (
            <div className={`card ${styles.panel}`}>
              <EvidenceManager ownerType="disclosure" ownerId={data.id} initial={data.evidence} editable pendingDraft={{ formKey: data.formKey, values: { id: data.id } }} />
            </div>
          )}
        </div>
        <ObligationCard data={data} />
      </div>
    </AppShell>
  );
}
