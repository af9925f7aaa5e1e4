import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { UrgeHistory } from '@/modules/reminders/ui/UrgeHistory';
import { ReportStateBadge } from '@/core/ui/StatusBadge';
import { dateTime, pct, scoreText } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { coordinatorHistory } from '@/modules/reports/data/history';
import { quarterParam } from '@/core/domain/quarter-param';
import styles from '@/core/ui/school.module.css';

export const dynamic = 'force-dynamic';

/** /school/history — past quarters: report state, coverage, timeliness, on time, evaluator score (§4). */
export default async function HistoryPage() {
  const scope = await requirePageScope(['coordinator']);
  const h = await coordinatorHistory(scope);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <AppShell scope={scope} context={h.school.name}>
      <h1>{t('coordHistory.title')}</h1>
      {h.years.map((y) => (
        <section key={y.year} className={`card ${styles.panel}`} data-testid={`history-${y.year}`}>
          <h2>{t('coordHistory.year', { year: y.year })}</h2>
          <p className="no-print">
            <Link href={`/school/summary?year=${y.year}`} data-testid={`summary-${y.year}`}>
              {t('documents.summary.link')}
            </Link>
          </p>
          <p className="muted small" data-testid={`year-summary-${y.year}`}>
            {t('coordHistory.yearSummary', {
              coverage: pct(y.figures.coverage),
              timeliness: pct(y.figures.timeliness),
              onTimeRate: pct(y.reports.onTimeRate),
              score: scoreText(y.score),
            })}
          </p>
          <div className="table-wrap">
            <table className={`${styles.obTable} ${styles.history}`}>
              <thead>
                <tr>
                  <th>{t('coordHistory.quarter')}</th>
                  <th>{t('coordHistory.state')}</th>
                  <th>{t('coordHistory.submitted')}</th>
                  <th>{t('coordHistory.timely')}</th>
                  <th className="num">{t('common.coverage')}</th>
                  <th className="num">{t('common.timeliness')}</th>
                  <th className="num">{t('coordHistory.score')}</th>
                </tr>
              </thead>
              <tbody>
                {y.quarters.map((r) => (
                  <tr key={r.q.quarter} data-quarter={quarterParam(r.q)} className={r.overdue ? styles.overdue : undefined}>
                    <td>
                      <Link href={`/school/report?q=${quarterParam(r.q)}`}>{t('common.quarter', { year: r.q.year, quarter: r.q.quarter })}</Link>
                      {r.current && <span className={styles.sub}>{t('coordHistory.current')}</span>}
                    </td>
                    <td data-label={t('coordHistory.state')}>
                      <ReportStateBadge state={r.state} />
                    </td>
                    <td data-label={t('coordHistory.submitted')}>{r.submittedAt ? dateTime(r.submittedAt, locale) : '—'}</td>
                    <td data-label={t('coordHistory.timely')}>
                      {r.onTime === null ? (
                        r.overdue ? (
                          <span className="badge s-overdue">{t('coordHistory.overdue')}</span>
                        ) : (
                          '—'
                        )
                      ) : (
                        <span className={`badge ${r.onTime ? 's-approved' : 's-overdue'}`}>{r.onTime ? t('coordReport.onTime') : t('coordReport.late')}</span>
                      )}
                    </td>
                    <td className="num" data-label={t('common.coverage')}>
                      {pct(r.figures.coverage)}
                    </td>
                    <td className="num" data-label={t('common.timeliness')}>
                      {pct(r.figures.timeliness)}
                    </td>
                    <td className="num" data-label={t('coordHistory.score')} data-testid="score">
                      {scoreText(r.score)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <UrgeHistory scope={scope} />
    </AppShell>
  );
}
