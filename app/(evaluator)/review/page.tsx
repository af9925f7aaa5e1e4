import '@/modules/reports/ui/review.css';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { evaluatorWork } from '@/modules/reports/data/work-queue';
import { WORK_KINDS, type WorkKind } from '@/modules/reports/domain/work-queue';
import { WorkQueue } from '@/modules/reports/ui/WorkQueue';
import { one, query, type SearchParams } from '@/modules/dashboard/ui/params';
import { UrgeCheckbox, UrgeForm } from '@/modules/reminders/ui/UrgeForm';

export const dynamic = 'force-dynamic';

/** The per-quarter queue's parameters: its old links (reminders, bookmarks) land on /review/quarters. */
const QUARTER_PARAMS = ['year', 'quarter', 'zone', 'type', 'state'] as const;

/** /review — the evaluator's home: their work across quarters, oldest first (issue 14). Leaders read it. */
export default async function WorkPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const sp = await searchParams;
  if (QUARTER_PARAMS.some((k) => one(sp[k]) !== null)) redirect(`/review/quarters${query(Object.fromEntries(QUARTER_PARAMS.map((k) => [k, one(sp[k])])))}`);
  const showRaw = one(sp.show);
  const show = WORK_KINDS.includes(showRaw as WorkKind) ? (showRaw as WorkKind) : null;
  const [t, data] = await Promise.all([getTranslations(), evaluatorWork(scope)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('evaluatorWork.title')}</h1>
      <p className="muted">
        {t('evaluatorWork.intro', { from: t('common.quarter', { year: data.from.year, quarter: data.from.quarter }) })}
        {data.zones && ` ${t('evaluatorWork.scopeZones')}`}
      </p>
      <p className="small no-print">
        {t('evaluatorWork.messagesHint')} <Link href="/inbox">{t('evaluatorWork.toMessages')}</Link>
        {' · '}
        <Link href="/review/quarters" data-testid="to-quarters">
          {t('evaluatorWork.toQuarters')}
        </Link>
      </p>
      <WorkQueue
        groups={data.groups}
        show={show}
        urge={
          scope.role === 'evaluator'
            ? {
                form: (formId) => <UrgeForm formId={formId} />,
                checkbox: (formId, schoolId, label) => <UrgeCheckbox formId={formId} schoolId={schoolId} label={label} />,
              }
            : null
        }
      />
    </AppShell>
  );
}
