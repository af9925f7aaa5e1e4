import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AppShell } from '@/components/AppShell';
import { ObligationTable } from '@/components/ObligationTable';
import { ReportStateBadge } from '@/components/StatusBadge';
import { dateTime, pct } from '@/components/format';
import { requirePageScope } from '@/lib/auth/session';
import { today } from '@/lib/data/context';
import { reportView } from '@/lib/data/homes';
import { AppError } from '@/lib/data/scope';

export const dynamic = 'force-dynamic';

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePageScope(['evaluator', 'leader', 'coordinator']);
  const { id } = await params;
  const data = await reportView(scope, id).catch((e) => {
    if (e instanceof AppError && e.code === 'notFound') notFound();
    throw e;
  });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const quarter = t('common.quarter', { year: data.report.year, quarter: data.report.quarter });
  return (
    <AppShell scope={scope}>
      <h1>{t('report.title', { school: data.school.name, quarter })}</h1>
      <p>
        <ReportStateBadge state={data.report.state} /> · {t('common.coverage')} {pct(data.figures.coverage)} · {t('common.timeliness')} {pct(data.figures.timeliness)}
      </p>
      <h2>{t('report.obligations')}</h2>
      <ObligationTable results={data.results} items={data.items} today={today()} />
      <h2>{t('report.transitions')}</h2>
      <ul>
        {data.transitions.map((tr) => (
          <li key={tr.id}>
            {dateTime(tr.at, locale)} · {tr.actor ?? '—'} · {tr.from ? t(`reportState.${tr.from}`) : '∅'} → {t(`reportState.${tr.to}`)}
            {tr.reason ? ` · ${tr.reason}` : ''}
          </li>
        ))}
      </ul>
    </AppShell>
  );
}
