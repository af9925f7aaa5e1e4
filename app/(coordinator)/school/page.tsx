import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { ReportStateBadge } from '@/core/ui/StatusBadge';
import { dateTime, pct } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { coordinatorQuarterView } from '@/modules/obligations/data/school-quarter';
import { EntryNotice } from '@/modules/obligations/ui/EntryNotice';
import { ObligationGroups } from '@/modules/obligations/ui/ObligationGroups';
import { QuarterPicker } from '@/modules/obligations/ui/QuarterPicker';
import { parseQuarterParam, quarterParam } from '@/core/domain/quarter-param';
import styles from '@/core/ui/school.module.css';
import { UrgeBanner } from '@/modules/reminders/ui/UrgeHistory';
import { URGENCIES, type Urgency } from '@/modules/obligations/domain/urgency';

export const dynamic = 'force-dynamic';

const CHIP_KEY = { overdue: 'countOverdue', dueSoon: 'countDueSoon', open: 'countOpen', done: 'countDone' } as const;
const CHIP_ID = { overdue: 'overdue', dueSoon: 'due-soon', open: 'open', done: 'done' } as const;

/** This quarter (issue 3): every obligation of the school with its status, grouped by domain, most urgent first. */
export default async function CoordinatorHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['coordinator']);
  const t = await getTranslations();
  if (!scope.schoolId) {
    return (
      <AppShell scope={scope}>
        <p className={`card ${styles.panel}`}>{t('coordinator.noSchool')}</p>
      </AppShell>
    );
  }
  const current = thisQuarter();
  const sp = await searchParams;
  const q = parseQuarterParam(sp.q, current);
  const view = await coordinatorQuarterView(scope, q);
  const f = view.figures;
  const qp = quarterParam(q);
  const quarterLabel = t('common.quarter', { year: q.year, quarter: q.quarter });
  const events = new Map(view.events.map((e) => [e.id, { title: e.title, eventDate: e.eventDate }]));
  const undeclared = view.eventItems.filter((i) => i.events === 0 && !i.noMatter);
  const showRaw = typeof sp.show === 'string' ? sp.show : null;
  const show = URGENCIES.includes(showRaw as Urgency) ? (showRaw as Urgency) : null;
  const locale = await getLocale();
  return (
    <AppShell scope={scope} context={view.school.name}>
      <UrgeBanner scope={scope} />
      <div className={styles.head}>
        <h1>
          {t('coordinator.title')} · {quarterLabel}
        </h1>
        <QuarterPicker
          value={qp}
          basePath="/school"
          label={t('coordTerms.quarterPicker')}
          go={t('coordQuarter.go')}
          options={view.quarters.map((x) => ({
            value: quarterParam(x),
            label: `${t('common.quarter', { year: x.year, quarter: x.quarter })}${x.year === current.year && x.quarter === current.quarter ? ` · ${t('coordTerms.current')}` : ''}`,
          }))}
        />
      </div>
      {sp.deleted === '1' && (
        <p className={`${styles.banner} ${styles.bannerOk}`} role="status">
          {t('coordQuarter.deleted')}
        </p>
      )}
      <EntryNotice block={view.block} closesOn={view.closesOn} />
      <div className="kpis">
        <div className="kpi">
          <div className="label">{t('coordinator.progress')}</div>
          <div className="value" data-testid="coverage">
            {pct(f.coverage)}
          </div>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={f.coverage ?? 0} aria-label={t('coordinator.progress')}>
            <span style={{ width: `${f.coverage ?? 0}%` }} />
          </div>
          <div className="small muted">{t('coordQuarter.coverageHint')}</div>
        </div>
        <div className="kpi">
          <div className="label">{t('common.timeliness')}</div>
          <div className="value" data-testid="timeliness">
            {pct(f.timeliness)}
          </div>
        </div>
        <div className="kpi">
          <div className="label">{t('coordinator.reportState')}</div>
          <div className="value">
            <ReportStateBadge state={view.report?.state ?? 'none'} />
          </div>
          <div className="small muted" data-testid="report-due">
            {/* Once submitted, the deadline is history: say when it was sent instead. */}
            {(view.report?.state === 'submitted' || view.report?.state === 'approved') && view.report.lastSubmittedAt
              ? t('coordinator.reportSubmittedOn', { time: dateTime(view.report.lastSubmittedAt, locale) })
              : t('coordinator.reportDue', { date: view.reportDue })}
          </div>
          <Link href={`/school/report?q=${qp}`} className="small">
            {view.report?.state === 'draft' || view.report?.state === 'returned' || !view.report ? t('coordQuarter.toReport') : t('coordQuarter.viewReport')}
          </Link>
        </div>
      </div>
      <p className="no-print" data-testid="summary-link">
        <Link href="/school/summary">{t('documents.summary.link')}</Link>{' '}
        <span className="muted small">{t('documents.summary.linkHint', { year: current.quarter === 4 ? current.year : current.year - 1 })}</span>
      </p>
      <p className="no-print" data-testid="public-link">
        <a href={view.publicPath} target="_blank" rel="noopener" data-testid="public-page-link">
          {t('coordQuarter.publicPage')}
          <span className="sr-only"> {t('coordQuarter.opensNewTab')}</span>
        </a>{' '}
        <span className="muted small">{t('coordQuarter.publicPageHint')}</span>
      </p>
      {!view.hasChecklist ? (
        <p className={`card ${styles.panel}`}>{t('coordQuarter.noChecklist')}</p>
      ) : (
        <>
          <p className="muted">{t('coordinator.obligations', { count: f.tally.obligations, met: f.tally.met, onTime: f.tally.onTime, notYetDue: f.tally.notYetDue })}</p>
          {/* The counts are filters of the list below (issue 14): each chip shows only its obligations. */}
          <nav aria-label={t('coordQuarter.attention')}>
            <ul className={styles.attention}>
              {URGENCIES.map((u) => (
                <li key={u} className={u === 'overdue' && view.counts.overdue ? styles.hot : u === 'dueSoon' && view.counts.dueSoon ? styles.warm : undefined} data-testid={`count-${CHIP_ID[u]}`}>
                  <Link href={`/school?q=${qp}${show === u ? '' : `&show=${u}`}#obligations`} aria-current={show === u ? 'true' : undefined} data-testid={`filter-${u}`}>
                    {t(`coordQuarter.${CHIP_KEY[u]}`, { count: view.counts[u] })}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {show && (
            <p className="small" role="status" data-testid="filter-status">
              {t('coordQuarter.filtered', { what: t(`coordQuarter.${CHIP_KEY[show]}`, { count: view.counts[show] }) })} <Link href={`/school?q=${qp}#obligations`}>{t('coordQuarter.showAll')}</Link>
            </p>
          )}
          <section className={`card ${styles.panel}`}>
            <h2>{t('coordQuarter.eventItems')}</h2>
            <p className="muted small">{t('coordQuarter.eventItemsHint')}</p>
            <p>
              {undeclared.length > 0 ? t('coordQuarter.undeclared', { count: undeclared.length, codes: undeclared.map((i) => i.code).join(t('coordTerms.sep')) }) : t('coordQuarter.allDeclared')}{' '}
              <Link href={`/school/events?q=${qp}`} className={styles.secondary}>
                {t('coordQuarter.toEvents')}
              </Link>
            </p>
          </section>
          <div id="obligations">{view.groups.length === 0 ? <p className="card muted">{t('common.noData')}</p> : <ObligationGroups view={view} events={events} only={show} />}</div>
        </>
      )}
    </AppShell>
  );
}
