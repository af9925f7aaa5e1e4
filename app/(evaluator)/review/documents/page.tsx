// /review/documents?doc=quarterly&q=YYYY-Q | ?doc=annual&year=Y — the district's quarterly 通报 and
// annual report (issue 17): generated from the district's data; whole-district evaluators fill in the
// 文号, office, date and paragraphs, leaders read; Word and print versions.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { compareQuarters, previousQuarter } from '@/core/domain/periods';
import type { QuarterRef } from '@/core/domain/types';
import { found } from '@/core/found';
import { annualDocument, quarterlyDocument, type DistrictDocument } from '@/modules/documents/data/district-documents';
import { DocumentView } from '@/modules/documents/ui/DocumentView';
import { NarrativeEditor } from '@/modules/documents/ui/NarrativeEditor';
import { bulletinQuarter, reportYear } from '@/modules/documents/ui/params';
import { DownloadButtons, PeriodPicker } from '@/modules/documents/ui/Pickers';
import styles from '@/modules/documents/ui/documents.module.css';

export const dynamic = 'force-dynamic';

type SP = Record<string, string | string[] | undefined>;

function quarterFromQ(sp: SP, current: QuarterRef): QuarterRef {
  const q = typeof sp.q === 'string' ? /^(\d{4})-([1-4])$/.exec(sp.q) : null;
  return q ? bulletinQuarter(q[1], q[2], current) : bulletinQuarter(sp.year, sp.quarter, current);
}

/** Quarters that have started, newest first, back to the first checklist year. */
function quarterList(years: number[], current: QuarterRef): QuarterRef[] {
  const out: QuarterRef[] = [];
  const first = Math.min(...years, current.year);
  for (let q = current; q.year >= first; q = previousQuarter(q)) out.push(q);
  return out;
}

export default async function DistrictDocumentsPage({ searchParams }: { searchParams: Promise<SP> }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const sp = await searchParams;
  const t = await getTranslations('documents');
  const current = thisQuarter();
  const annual = sp.doc === 'annual';
  const period = annual ? { year: reportYear(sp.year, current), quarter: null } : quarterFromQ(sp, current);
  // A zone evaluator: district-wide documents are not theirs to read (the data layer refuses too).
  if (scope.role === 'evaluator' && scope.zoneIds) {
    return (
      <AppShell scope={scope}>
        <h1>{t('district.title')}</h1>
        <p className={styles.banner} data-testid="zone-only">
          {t('district.zoneOnly')}
        </p>
      </AppShell>
    );
  }
  const loading: Promise<DistrictDocument<unknown>> = annual ? annualDocument(scope, period.year) : quarterlyDocument(scope, period.year, (period as QuarterRef).quarter);
  const d = await found(loading);
  const base = annual ? '/review/documents/annual' : '/review/documents/quarterly';
  const query = annual ? `year=${d.year}` : `year=${d.year}&quarter=${d.quarter}`;
  const quarters = quarterList(d.years, current).filter((q) => compareQuarters(q, current) <= 0);
  return (
    <AppShell scope={scope}>
      <div className={styles.head}>
        <h1>{t('district.title')}</h1>
        <nav className={styles.toolbar} aria-label={t('district.title')}>
          <Link className={`${styles.button} ${annual ? '' : styles.primary}`} href="/review/documents?doc=quarterly" aria-current={annual ? undefined : 'page'}>
            {t('district.quarterly')}
          </Link>
          <Link className={`${styles.button} ${annual ? styles.primary : ''}`} href="/review/documents?doc=annual" aria-current={annual ? 'page' : undefined}>
            {t('district.annual')}
          </Link>
        </nav>
      </div>
      <p className={styles.banner}>
        {t('district.intro')} {!d.canEdit && t('district.readOnly')}
      </p>
      <div className={styles.head}>
        {annual ? (
          <PeriodPicker action="/review/documents" extra={{ doc: 'annual' }} years={d.years} year={d.year} />
        ) : (
          <PeriodPicker action="/review/documents" extra={{ doc: 'quarterly' }} years={d.years} year={d.year} quarter={d.quarter ?? 1} quarters={quarters} />
        )}
        <DownloadButtons docx={`${base}/docx?${query}`} print={`${base}/print?${query}`} />
      </div>
      <div className={`${styles.layout} ${d.canEdit ? styles.withEditor : ''}`}>
        {d.canEdit && (
          <NarrativeEditor key={`${annual ? 'a' : 'q'}:${query}`} kind={annual ? 'districtAnnual' : 'districtQuarterly'} year={d.year} quarter={d.quarter} texts={d.texts} version={d.version} />
        )}
        <DocumentView doc={d.doc} editorLinks={d.canEdit} />
      </div>
    </AppShell>
  );
}
