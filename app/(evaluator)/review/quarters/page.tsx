import '@/modules/reports/ui/review.css';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { unlessRecomputing } from '@/core/found';
import { RecomputingNotice } from '@/core/ui/RecomputingNotice';
import { reportBadgeKey as badgeKey } from '@/core/ui/StatusBadge';
import { dateTime, pct, scoreText } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { reviewQueue, type QueueStateFilter } from '@/modules/reports/data/review';
import { isUuid } from '@/core/auth/users';
import { Kpi, PeriodFilters } from '@/modules/dashboard/ui/pickers';
import { InProgressNote } from '@/modules/dashboard/ui/InProgressNote';
import { one, pickerYears, query, readPeriod, readType, type SearchParams } from '@/modules/dashboard/ui/params';
import { UrgeCheckbox, UrgeForm } from '@/modules/reminders/ui/UrgeForm';
import { pageOf } from '@/modules/dashboard/domain/paging';
import { Pager } from '@/modules/dashboard/ui/Pager';

export const dynamic = 'force-dynamic';

/**
 * Schools per page of the queue (issue 15: a 300-school district's page stays within 300 kB). A
 * queue row costs about 1.8 kB (its HTML and its twin in the page's RSC payload), so 100 rows came
 * to 280 kB with short generated names; 50 leave room for real ones.
 */
const QUEUE_PAGE_SIZE = 50;

const STATES: QueueStateFilter[] = ['overdue', 'submitted', 'returned', 'draft', 'approved', 'none'];

export default async function ReviewQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const sp = await searchParams;
  const period = readPeriod(sp, { allowYear: false });
  const q = { year: period.year, quarter: period.quarter! };
  const zone = one(sp.zone);
  const type = readType(sp.type);
  const stateRaw = one(sp.state);
  const state = STATES.includes(stateRaw as QueueStateFilter) ? (stateRaw as QueueStateFilter) : null;
  const [t, locale, r] = await Promise.all([getTranslations(), getLocale(), unlessRecomputing(reviewQueue(scope, q, { zoneId: zone && isUuid(zone) ? zone : null, type, state }))]);
  if (r.recomputing) {
    return (
      <AppShell scope={scope}>
        <h1>
          {t('evaluator.title')} · {t('common.quarter', { year: q.year, quarter: q.quarter })}
        </h1>
        <RecomputingNotice progress={r.recomputing} />
      </AppShell>
    );
  }
  const data = r.value;
  const tot = data.totals;
  const paged = { ...pageOf(data.rows.length, QUEUE_PAGE_SIZE, Number(one(sp.page) ?? 1)), schools: data.rows.length };
  const exportHref = `/review/export/schools${query({ year: q.year, quarter: q.quarter, zone, type })}`;
  return (
    <AppShell scope={scope}>
      <h1>
        {t('evaluator.title')} · {t('common.quarter', { year: q.year, quarter: q.quarter })}
      </h1>
      <p className="muted">
        {data.zones ? t('evaluator.scopeZones', { zones: data.zones.join('、') }) : t('evaluator.scopeAll')} · {t('common.dueDate')} {data.due}
      </p>
      <p className="small no-print">
        <Link href="/review">{t('evaluatorWork.title')}</Link>
      </p>
      <PeriodFilters values={{ year: q.year, quarter: q.quarter, zone, type, state }} years={pickerYears()} zones={data.zoneOptions} states={STATES} />
      {data.inProgress && <InProgressNote notYetDue={tot.figures.tally.notYetDue} reports={tot.reports.notYetDue} />}
      <div className="kpis" aria-label={t('evaluatorQueue.districtFigures')}>
        <Kpi label={t('evaluator.expected')} value={String(tot.reports.expected)} testId="kpi-expected" />
        <Kpi label={t('evaluator.submitted')} value={String(tot.reports.submitted)} testId="kpi-submitted" />
        <Kpi label={t('evaluator.onTime')} value={String(tot.reports.onTime)} testId="kpi-on-time" />
        <Kpi label={t('evaluator.completeness')} value={pct(tot.reports.completeness)} testId="kpi-completeness" />
        <Kpi label={t('evaluator.onTimeRate')} value={pct(tot.reports.onTimeRate)} testId="kpi-on-time-rate" />
        <Kpi label={t('evaluatorQueue.overdue')} value={String(data.overdueCount)} testId="kpi-overdue" />
        <Kpi label={t('common.coverage')} value={pct(tot.figures.coverage)} />
        <Kpi label={t('common.timeliness')} value={pct(tot.figures.timeliness)} />
      </div>
      <h2>{t('evaluatorQueue.byZone')}</h2>
      <div className="table-wrap">
        <table data-testid="zone-figures">
          <thead>
            <tr>
              <th>{t('common.zone')}</th>
              <th className="num">{t('evaluator.expected')}</th>
              <th className="num">{t('evaluator.submitted')}</th>
              <th className="num">{t('evaluator.onTime')}</th>
              <th className="num">{t('evaluator.completeness')}</th>
              <th className="num">{t('evaluator.onTimeRate')}</th>
              <th className="num">{t('common.coverage')}</th>
              <th className="num">{t('common.timeliness')}</th>
            </tr>
          </thead>
          <tbody>
            {[...data.byZone, tot].map((g) => (
              <tr key={g.key} className={g.key === 'district' ? 'total-row' : undefined}>
                <th scope="row">{g.key === 'district' ? t('evaluatorQueue.total') : (g.name ?? t('evaluatorQueue.noZone'))}</th>
                <td className="num">{g.reports.expected}</td>
                <td className="num">{g.reports.submitted}</td>
                <td className="num">{g.reports.onTime}</td>
                <td className="num">{pct(g.reports.completeness)}</td>
                <td className="num">{pct(g.reports.onTimeRate)}</td>
                <td className="num">{pct(g.figures.coverage)}</td>
                <td className="num">{pct(g.figures.timeliness)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('evaluatorQueue.reports')}</h2>
      <p className="no-print">
        <a href={exportHref} download data-testid="export-schools">
          {t('evaluatorQueue.exportSchools')}
        </a>
        {' · '}
        <Link href={`/review/matrix${query({ year: q.year, quarter: q.quarter, zone, type })}`}>{t('nav.matrix')}</Link>
        {scope.role === 'evaluator' && (
          <>
            {' · '}
            <Link href="/account/tokens">{t('apiTokens.title')}</Link>
          </>
        )}
      </p>
      {data.rows.length === 0 ? (
        <p className="muted">{t('common.noData')}</p>
      ) : (
        <>
          {scope.role === 'evaluator' && (
            <>
              <p className="small muted no-print">{t('reminders.urge.hint')}</p>
              <UrgeForm formId="urge-queue" />
            </>
          )}
          <Pager paged={paged} href={(page) => `/review/quarters${query({ year: q.year, quarter: q.quarter, zone, type, state, page: page > 1 ? page : null })}`} testId="queue-pager" />
          <div className="table-wrap">
            <table data-testid="queue">
              <thead>
                <tr>
                  {scope.role === 'evaluator' && (
                    <th className="urge-col no-print">
                      <span className="sr-only">{t('reminders.urge.column')}</span>
                    </th>
                  )}
                  <th>{t('common.school')}</th>
                  <th>{t('common.zone')}</th>
                  <th>{t('common.type')}</th>
                  <th>{t('common.state')}</th>
                  <th>{t('evaluator.submittedAt')}</th>
                  <th>{t('evaluatorQueue.reportOnTime')}</th>
                  <th className="num">{t('common.coverage')}</th>
                  <th className="num">{t('common.timeliness')}</th>
                  <th className="num">{t('evaluatorQueue.score')}</th>
                  <th>{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.slice(paged.from, paged.to).map((r) => (
                  <tr key={r.schoolId} className={r.overdue ? 'overdue-row' : undefined} data-school={r.code} data-state={r.state}>
                    {scope.role === 'evaluator' && (
                      <td className="urge-col no-print">
                        <UrgeCheckbox formId="urge-queue" schoolId={r.schoolId} label={t('reminders.urge.select', { school: `${r.code} ${r.name}` })} />
                      </td>
                    )}
                    <td>
                      <Link href={`/review/schools/${r.schoolId}`}>{`${r.code} ${r.name}`}</Link>
                    </td>
                    <td>{r.zone ?? '—'}</td>
                    <td>{t(`schoolTypes.${r.type}`)}</td>
                    <td>
                      {/* ReportStateBadge inline: one async component per row would cost a chunk each in the page (issue 15). */}
                      <span className={`badge s-${badgeKey(r.state)}`}>{t(`reportState.${badgeKey(r.state)}`)}</span>{' '}
                      {r.overdue && <span className="badge s-overdue">{t('evaluatorQueue.overdue')}</span>}
                    </td>
                    <td>{dateTime(r.submittedAt, locale)}</td>
                    <td>{r.onTime === null ? '—' : r.onTime ? t('evaluatorQueue.yes') : t('evaluatorQueue.no')}</td>
                    <td className="num">{pct(r.figures.coverage)}</td>
                    <td className="num">{pct(r.figures.timeliness)}</td>
                    <td className="num">{scoreText(r.score)}</td>
                    <td>
                      {r.reportId && <Link href={`/review/reports/${r.reportId}`}>{scope.role === 'evaluator' && r.state === 'submitted' ? t('evaluatorQueue.review') : t('evaluator.open')}</Link>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </AppShell>
  );
}
