// /school/summary?year=Y — the coordinator drafts the school's annual 校务公开工作总结 (issue 17):
// the narrative texts on the left, the generated document on the right, Word and print versions.
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { found } from '@/core/found';
import { coordinatorSummary } from '@/modules/documents/data/school-documents';
import { DocumentView } from '@/modules/documents/ui/DocumentView';
import { NarrativeEditor } from '@/modules/documents/ui/NarrativeEditor';
import { summaryYear } from '@/modules/documents/ui/params';
import { DownloadButtons, PeriodPicker } from '@/modules/documents/ui/Pickers';
import styles from '@/modules/documents/ui/documents.module.css';

export const dynamic = 'force-dynamic';

export default async function SchoolSummaryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['coordinator']);
  const sp = await searchParams;
  const year = summaryYear(sp.year, thisQuarter(), []);
  const [d, t] = await Promise.all([found(coordinatorSummary(scope, year)), getTranslations('documents')]);
  return (
    <AppShell scope={scope} context={d.school.name}>
      <div className={styles.head}>
        <h1>
          {t('summary.title')} · {year}
        </h1>
        <PeriodPicker action="/school/summary" years={d.years} year={year} />
      </div>
      <p className={styles.banner}>{t('summary.intro')}</p>
      <DownloadButtons docx={`/school/summary/docx?year=${year}`} print={`/school/summary/print?year=${year}`} />
      <div className={`${styles.layout} ${styles.withEditor}`} style={{ marginTop: '1rem' }}>
        <NarrativeEditor key={year} kind="schoolSummary" year={year} texts={d.texts} version={d.version} />
        <DocumentView doc={d.doc} editorLinks />
      </div>
    </AppShell>
  );
}
