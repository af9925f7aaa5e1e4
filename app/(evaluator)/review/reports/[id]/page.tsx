import '@/modules/reports/ui/review.css';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { ReportStateBadge } from '@/core/ui/StatusBadge';
import { dateTime, pct } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { reportReview } from '@/modules/reports/data/review-report';
import { NoMatterList } from '@/modules/reports/ui/NoMatterList';
import { ObligationCard } from '@/modules/reports/ui/ReviewObligationCard';
import { ReviewPanel } from '@/modules/reports/ui/ReviewPanel';
import { found } from '@/core/found';
import { periodText } from '@/core/ui/period-text';

export const dynamic = 'force-dynamic';

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePageScope(['evaluator', 'leader', 'coordinator']);
  const { id } = await params;
  const data = await found(reportReview(scope, id));
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const r = data.report;
  const quarter = t('common.quarter', { year: r.year, quarter: r.quarter });
  const locked = r.state === 'approved';
  const canEdit = data.canAct && !locked;
  const fc = data.flagCounts;
  return (
    <AppShell scope={scope} context={scope.role === 'coordinator' ? data.school.name : undefined}>
      <h1>{t('report.title', { school: data.school.name, quarter })}</h1>
      <p>
        <span data-testid="review-state" data-state={r.state}>
          <ReportStateBadge state={r.state} />
        </span>{' '}
        · {t('common.coverage')} <strong data-testid="report-coverage">{pct(data.figures.coverage)}</strong> · {t('common.timeliness')} {pct(data.figures.timeliness)} · {t('common.dueDate')}{' '}
        {data.reportDue} · {t('evaluator.submittedAt')} {dateTime(r.submittedAt, locale)}
      </p>
      {scope.role !== 'coordinator' && (
        <p className="no-print">
          <Link href={`/review/schools/${data.school.id}`}>{t('evaluatorReport.profileLink', { school: data.school.name })}</Link>
          {' · '}
          <Link href={`/review/quarters?year=${r.year}&quarter=${r.quarter}`}>{t('evaluatorReport.backToQueue')}</Link>
        </p>
      )}
      {locked && (
        <p className="notice-locked" role="note">
          {t('evaluatorReport.locked')}
        </p>
      )}
      {scope.role === 'leader' && <p className="muted">{t('evaluatorReport.readOnly')}</p>}
      <section className="card" aria-labelledby="flags-h">
        <h2 id="flags-h">{t('evaluatorReport.flags')}</h2>
        <ul className="flag-summary" data-testid="flag-summary">
          <li>{t('evaluatorReport.flagCount.late', { n: fc.late })}</li>
          <li>{t('evaluatorReport.flagCount.timingBefore', { n: fc.timingBefore })}</li>
          <li>{t('evaluatorReport.flagCount.procurement', { n: fc.procurement })}</li>
          <li>{t('evaluatorReport.flagCount.noMatter', { n: fc.noMatter })}</li>
          {fc.afterLock > 0 && <li data-testid="flag-after-lock">{t('evaluatorReport.flagCount.afterLock', { n: fc.afterLock })}</li>}
        </ul>
        {data.gapsAtSubmit.length > 0 && (
          <p className="small" data-testid="gaps-at-submit">
            {t('evaluatorReport.gapsAtSubmit')}: {data.gapsAtSubmit.map((g) => `${g.itemCode} ${g.itemName}（${periodText(t, g.periodKey, g.event)}）`).join('、')}
          </p>
        )}
      </section>
      <ReviewPanel data={data} canAct={data.canAct} />
      <h2>{t('report.obligations')}</h2>
      {data.obligations.length === 0 && <p className="muted">{t('common.noData')}</p>}
      {data.obligations.map((o) => (
        <ObligationCard key={`${o.result.obligation.itemCode}:${o.result.obligation.periodKey}`} o={o} reportId={r.id} canEdit={canEdit} />
      ))}
      {data.otherComments.length > 0 && (
        <section className="card">
          <h3>{t('evaluatorReport.otherComments')}</h3>
          <ul>
            {data.otherComments.map((c) => (
              <li key={c.id}>
                <strong>
                  {c.itemCode} {c.itemName}
                </strong>{' '}
                {c.comment}{' '}
                <span className="muted small">
                  — {c.author ?? '—'} {dateTime(c.at, locale)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <NoMatterList items={data.noMatter} canEdit={data.canAct} />
      <h2>{t('report.transitions')}</h2>
      <ol className="history" data-testid="transitions">
        {data.transitions.map((tr) => (
          <li key={tr.id}>
            {dateTime(tr.at, locale)} · {tr.actor ?? '—'} · {tr.from ? t(`reportState.${tr.from}`) : '∅'} → {t(`reportState.${tr.to}`)}
            {tr.reason ? ` · ${tr.reason}` : ''}
          </li>
        ))}
      </ol>
    </AppShell>
  );
}
