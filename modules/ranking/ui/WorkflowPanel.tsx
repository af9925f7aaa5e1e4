// Where the year's ranking stands in the §6 workflow (draft → 公示 → final), what the caller may
// do next, the version history and the objections with their answers.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { dateTime } from '@/core/ui/format';
import type { RankingView } from '@/modules/ranking/data/view';
import type { RankingWorkflow } from '@/modules/ranking/data/view';
import { longDate } from '@/core/ui/figures';
import { AnswerForm, ApproveForm, PublishForm, ReopenForm } from './WorkflowForms';
import styles from './ranking.module.css';

export async function StateBadge({ state, version, testId }: { state: string; version: number | null; testId?: string }) {
  const t = await getTranslations('rankingWorkflow');
  return (
    <span className={`badge ${styles[`s-${state}`] ?? ''}`} data-testid={testId}>
      {t(`state.${state}`)}
      {version !== null ? ` · ${t('version', { version })}` : ''}
    </span>
  );
}

export async function WorkflowPanel({ view, wf, live }: { view: RankingView; wf: RankingWorkflow; live: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('rankingWorkflow'), getLocale()]);
  const snap = view.snapshot;
  const year = view.year;
  const changed = view.changes?.length ?? 0;
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t('title')}</h2>
      <div className={styles.stateLine}>
        <StateBadge state={view.state} version={snap?.version ?? null} testId="ranking-state" />
        {snap && <span>{t('period', { start: longDate(snap.noticeStartsOn, locale), end: longDate(snap.noticeEndsOn, locale) })}</span>}
        {snap?.approvedAt && <span>{t('approvedAt', { at: dateTime(snap.approvedAt, locale) })}</span>}
        {snap && wf.districtCode && (
          <>
            <Link href={`/notice/${wf.districtCode}/${year}`}>{t('publicPage')}</Link>
            <Link href={`/notice/${wf.districtCode}/${year}/print`}>{t('printNotice')}</Link>
          </>
        )}
      </div>
      {snap && (
        <p className="small" data-testid="ranking-source">
          {live ? t('showingLive') : t('showingSnapshot', { version: snap.version })} {changed > 0 ? t('changedCount', { count: changed }) : t('noChanges')}{' '}
          <Link href={`/review/ranking?year=${year}${live ? '' : '&view=live'}`}>{live ? t('viewSnapshot') : t('viewLive')}</Link>
        </p>
      )}
      {!snap && <p className="small">{t('draftHint')}</p>}
      <div className={styles.actions}>
        {wf.can.publish.allowed && <PublishForm year={year} />}
        {!wf.can.publish.allowed && wf.can.publish.reason && view.state === 'draft' && <p className="small muted">{t(`block.${wf.can.publish.reason}`)}</p>}
        {snap && wf.can.approve.allowed && <ApproveForm snapshotId={snap.id} />}
        {snap && !wf.can.approve.allowed && wf.can.approve.reason && view.state === 'notice' && (
          <p className="small muted">{t(`block.${wf.can.approve.reason}`, { end: longDate(snap.noticeEndsOn, locale), count: wf.unanswered })}</p>
        )}
        {snap && wf.can.reopen.allowed && <ReopenForm snapshotId={snap.id} />}
      </div>
      {wf.versions.length > 0 && (
        <details>
          <summary>{t('history', { count: wf.versions.length })}</summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('col.version')}</th>
                  <th>{t('col.state')}</th>
                  <th>{t('col.published')}</th>
                  <th>{t('col.period')}</th>
                  <th>{t('col.approved')}</th>
                  <th>{t('col.reopenReason')}</th>
                </tr>
              </thead>
              <tbody>
                {wf.versions.map((v) => (
                  <tr key={v.id}>
                    <td>{t('version', { version: v.version })}</td>
                    <td>
                      <span className={`badge ${styles[`s-${v.state}`] ?? ''}`}>{t(`state.${v.state}`)}</span>
                    </td>
                    <td>
                      {dateTime(v.publishedAt, locale)} · {v.publishedBy ?? '—'}
                    </td>
                    <td>
                      {v.noticeStartsOn} – {v.noticeEndsOn}
                    </td>
                    <td>{v.approvedAt ? `${dateTime(v.approvedAt, locale)} · ${v.approvedBy ?? '—'}` : '—'}</td>
                    <td>{v.reopenReason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {snap && (
        <section aria-labelledby="objections-title">
          <h3 id="objections-title">{t('objections', { count: wf.objections.length, open: wf.unanswered })}</h3>
          {wf.objections.length === 0 && <p className="small muted">{t('noObjections')}</p>}
          {wf.objections.map((o) => (
            <article key={o.id} className={styles.objection} data-testid="objection">
              <p className="small muted">
                {t('objectionMeta', { reference: o.reference ?? '—', version: o.version, at: dateTime(o.submittedAt, locale) })}
                {o.contact ? ` · ${t('contact')}: ${o.contact}` : ''}
              </p>
              <blockquote>{o.text}</blockquote>
              {o.answer ? (
                <p>
                  <strong>{t('answered', { by: o.answeredBy ?? '—', at: dateTime(o.answeredAt, locale) })}</strong> {o.answer}
                </p>
              ) : wf.can.answer ? (
                <AnswerForm objectionId={o.id} />
              ) : (
                <p className="small muted">{t('awaitingAnswer')}</p>
              )}
            </article>
          ))}
        </section>
      )}
    </section>
  );
}
