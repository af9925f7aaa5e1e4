// /review/schools/[id]/summary?year=Y — evaluators and leaders read a school's annual summary
// (issue 17), as generated from its data with the texts its coordinator wrote.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { found } from '@/core/found';
import { readerSchoolSummary } from '@/modules/documents/data/school-documents';
import { DocumentView } from '@/modules/documents/ui/DocumentView';
import { summaryYear } from '@/modules/documents/ui/params';
import { DownloadButtons, PeriodPicker } from '@/modules/documents/ui/Pickers';
import styles from '@/modules/documents/ui/documents.module.css';

export const dynamic = 'force-dynamic';

export default async function ReaderSummaryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const year = summaryYear(sp.year, thisQuarter(), []);
  const [d, t] = await Promise.all([found(readerSchoolSummary(scope, id, year)), getTranslations('documents')]);
  const base = `/review/schools/${d.school.id}/summary`;
  return (
    <AppShell scope={scope}>
      <p className="no-print">
        <Link href={`/review/schools/${d.school.id}`}>
          {d.school.code} {d.school.name}
        </Link>
      </p>
      <div className={styles.head}>
        <h1>
          {t('summary.title')} · {year}
        </h1>
        <PeriodPicker action={base} years={d.years} year={year} />
      </div>
      <p className={styles.banner}>
        {t('summary.readerIntro')} {d.version > 0 ? t('summary.lastSaved', { version: d.version }) : t('summary.notWritten')}
      </p>
      <DownloadButtons docx={`${base}/docx?year=${year}`} print={`${base}/print?year=${year}`} />
      <div className={styles.layout} style={{ marginTop: '1rem' }}>
        <DocumentView doc={d.doc} />
      </div>
    </AppShell>
  );
}
