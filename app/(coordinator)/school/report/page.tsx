import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { ReportStateBadge, StatusBadge } from '@/core/ui/StatusBadge';
import { dateTime, pct } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { coordinatorReport } from '@/modules/reports/data/school-report';
import { RUBRIC_DIMENSIONS } from '@/core/domain/types';
import { EntryNotice } from '@/modules/obligations/ui/EntryNotice';
import { QuarterPicker } from '@/modules/obligations/ui/QuarterPicker';
import { periodText } from '@/core/ui/period-text';
import { parseQuarterParam, quarterParam } from '@/core/domain/quarter-param';
import styles from '@/core/ui/school.module.css';
import { SubmitForm } from '@/modules/reports/ui/SubmitForm';
import { Icon } from '@/core/ui/Icon';

export const dynamic = 'force-dynamic';

/** /school/report — review what is missing, submit; returned reports show the evaluator's comments (§5). */
export default async function ReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['coordinator']);
  const q = parseQuarterParam((await searchParams).q, thisQuarter());
  const r = await coordinatorReport(scope, q);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const qp = quarterParam(q);
  const quarter = t('common.quarter', { year: q.year, quarter: q.quarter });
  const open = r.block === null;
  const state = r.report?.state ?? 'none';
  const overdueGaps = r.gaps.filter((g) => g.status !== 'notYetDue').length;
  return (
    <AppShell scope={scope} context={r.school.name}>
      <div className={styles.head}>
        <h1>{t('coordReport.title', { quarter })}</h1>
        <QuarterPicker
          value={qp}
          basePath="/school/report"
          label={t('coordTerms.quarterPicker')}
          go={t('coordQuarter.go')}
          options={r.quarters.map((x) => ({ value: quarterParam(x), label: t('common.quarter', { year: x.year, quarter: x.quarter }) }))}
        />
      </div>
      <section className={`card ${styles.panel}`} data-testid="report-status">
        <dl className={styles.facts}>
          <dt>{t('common.state')}</dt>
          <dd data-testid="report-state">
            <ReportStateBadge state={state} />
          </dd>
          <dt>{t('common.dueDate')}</dt>
          <dd>{r.due}</dd>
          {r.report?.submittedAt && (
            <>
              <dt>{t('coordReport.firstSubmitted')}</dt>
              <dd>
                {dateTime(r.report.submittedAt, locale)}{' '}
                <span className={`badge ${r.onTime ? 's-approved' : 's-overdue'}`} data-testid="report-timeliness">
                  {r.onTime ? t('coordReport.onTime') : t('coordReport.late')}
                </span>
              </dd>
            </>
          )}
          {r.report?.lastSubmittedAt && r.report.submittedAt && r.report.lastSubmittedAt.getTime() !== r.report.submittedAt.getTime() && (
            <>
              <dt>{t('coordReport.lastSubmitted')}</dt>
              <dd>{dateTime(r.report.lastSubmittedAt, locale)}</dd>
            </>
          )}
          <dt>{t('common.coverage')}</dt>
          <dd>
            {pct(r.figures.coverage)}
            {r.figures.tally.notYetDue > 0 && (
              <span className={styles.sub} data-testid="coverage-basis">
                {t('coordReport.coverageBasis', { due: r.figures.tally.obligations, notYetDue: r.figures.tally.notYetDue })}
              </span>
            )}
          </dd>
          <dt>{t('common.timeliness')}</dt>
          <dd>{pct(r.figures.timeliness)}</dd>
        </dl>
      </section>
      <EntryNotice block={r.block} closesOn={r.closesOn} />
      {state === 'returned' && (
        <section className={`${styles.banner} ${styles.bannerBad}`} data-testid="returned">
          <h2>{t('coordReport.returnedTitle')}</h2>
          {r.returnReason && <p className={styles.pre}>{t('coordReport.returnReason', { reason: r.returnReason })}</p>}
          {r.comments.length > 0 && (
            <>
              <h3>{t('coordReport.comments')}</h3>
              <ul className={styles.list} data-testid="item-comments">
                {r.comments.map((c) => (
                  <li key={c.id}>
                    <strong>
                      {c.itemCode} {c.name}
                    </strong>
                    {c.periodKey && (
                      <span className={styles.sub}>
                        {periodText(t, c.periodKey, c.event)} · <Link href={`/school?q=${qp}#ob-${c.itemCode}-${c.periodKey}`}>{t('coordReport.toObligation')}</Link>
                      </span>
                    )}
                    <p className={styles.quote}>{c.comment}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="small">{t('coordReport.returnedHint')}</p>
        </section>
      )}
      {r.rejected.length > 0 && (
        <section className={`card ${styles.panel}`}>
          <h2>{t('coordReport.rejected')}</h2>
          <ul className={styles.list}>
            {r.rejected.map((d) => (
              <li key={d.id}>
                <Link href={`/school/disclosures/${d.id}`}>
                  {d.itemCode} · {d.disclosedOn}
                </Link>{' '}
                <span className={styles.bad}>{t('coordQuarter.rejectedBecause', { reason: d.rejection ?? '' })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.evaluation && (
        <section className={`card ${styles.panel}`} data-testid="evaluation">
          <h2>{t('coordReport.score', { total: r.evaluation.total })}</h2>
          <p>{RUBRIC_DIMENSIONS.map((d) => `${t(`coordReport.rubric.${d}`)} ${r.evaluation!.rubric[d]}`).join(' · ')}</p>
          {r.evaluation.comment && <p className={styles.quote}>{r.evaluation.comment}</p>}
        </section>
      )}
      {r.opensOn && (
        <p className={styles.banner} role="status" data-testid="report-opens-on">
          {t('coordReport.opensOn', { date: r.opensOn })}
        </p>
      )}
      {(r.canSubmit || r.opensOn) && (
        <>
          <section className={`card ${styles.panel}`} data-testid="review">
            <h2>{t('coordReport.reviewTitle')}</h2>
            {r.gaps.length === 0 ? (
              <p className="notice-ok">{t('coordReport.noGaps')}</p>
            ) : (
              <>
                <p className={overdueGaps > 0 ? 'error' : undefined} data-testid="gaps-intro">
                  {overdueGaps === 0
                    ? t('coordReport.gapsNotYetDue', { count: r.gaps.length })
                    : overdueGaps < r.gaps.length
                      ? t('coordReport.gapsMixed', { count: r.gaps.length, notYetDue: r.gaps.length - overdueGaps })
                      : t('coordReport.gapsIntro', { count: r.gaps.length })}
                </p>
                <ul className={styles.list} data-testid="gaps">
                  {r.gaps.map((g) => (
                    <li key={`${g.itemCode}:${g.periodKey}`} className={styles.row}>
                      <span>
                        <span className={styles.code}>{g.itemCode}</span>
                        {g.name}
                        <span className={styles.sub}>
                          {periodText(t, g.periodKey, g.event)} · {t('common.deadline')} {g.deadline}
                        </span>
                      </span>
                      <span className={styles.inline}>
                        <StatusBadge status={g.status} />
                        {open && (
                          <Link className={styles.secondary} href={`/school/disclosures/new?item=${g.itemCode}&period=${encodeURIComponent(g.periodKey)}`}>
                            {t('coordQuarter.record')}
                          </Link>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {r.undeclared.length > 0 && (
              <p>
                {t('coordReport.undeclared', { codes: r.undeclared.map((i) => `${i.code} ${i.name}`).join(t('coordTerms.sep')) })}{' '}
                <Link href={`/school/events?q=${qp}`}>{t('coordQuarter.toEvents')}</Link>
              </p>
            )}
            {r.flagged.length > 0 && (
              <p className={styles.flag}>
                <Icon name="warning" /> {t('coordReport.flagged', { count: r.flagged.length })}
              </p>
            )}
            {r.optional.length > 0 && <p className="muted small">{t('coordReport.optional', { codes: r.optional.map((g) => g.itemCode).join(t('coordTerms.sep')) })}</p>}
          </section>
          {r.canSubmit && <SubmitForm year={q.year} quarter={q.quarter} version={r.report?.version ?? 0} gaps={r.gaps.length} resubmit={state === 'returned'} />}
        </>
      )}
      {r.transitions.length > 0 && (
        <section className={`card ${styles.panel}`}>
          <h2>{t('report.transitions')}</h2>
          <ul className={styles.list}>
            {r.transitions.map((tr) => (
              <li key={tr.id}>
                {dateTime(tr.at, locale)} · {tr.actor ?? '—'} · {tr.from ? t(`reportState.${tr.from}`) : '∅'} → {t(`reportState.${tr.to}`)}
                {tr.reason ? ` · ${tr.reason}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </AppShell>
  );
}
