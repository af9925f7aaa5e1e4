// The evaluator's work queue (/review, issue 14): a summary of links to each section, then one
// table per section — school, what, since when, how long — oldest first. The 催办 controls of the
// overdue sections come from the page (they belong to the reminders feature).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { periodText } from '@/core/ui/period-text';
import { EVALUATOR_KINDS, OVERDUE_KINDS, WORK_KINDS, type WorkKind } from '@/modules/reports/domain/work-queue';
import type { WorkItem } from '@/modules/reports/data/work-queue';

/** Rows shown per section until "show all". */
export const WORK_PREVIEW = 10;

export interface UrgeSlots {
  form: (formId: string) => ReactNode;
  checkbox: (formId: string, schoolId: string, label: string) => ReactNode;
}

export async function WorkQueue({ groups, show, urge }: { groups: Record<WorkKind, WorkItem[]>; show: WorkKind | null; urge: UrgeSlots | null }) {
  const t = await getTranslations();
  const total = WORK_KINDS.reduce((n, k) => n + groups[k].length, 0);
  return (
    <>
      <nav aria-label={t('evaluatorWork.summary')} className="work-summary no-print">
        <ul>
          {WORK_KINDS.map((k) => (
            <li key={k}>
              <a
                href={`#work-${k}`}
                className={`work-chip${groups[k].length ? (OVERDUE_KINDS.includes(k) ? ' hot' : EVALUATOR_KINDS.includes(k) ? ' mine' : '') : ' none'}`}
                data-testid={`work-count-${k}`}
              >
                {t(`evaluatorWork.kinds.${k}`)} <strong>{groups[k].length}</strong>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {total === 0 && (
        <p className="notice-ok" role="status">
          {t('evaluatorWork.allClear')}
        </p>
      )}
      {WORK_KINDS.map((k) => {
        const all = groups[k];
        const rows = show === k ? all : all.slice(0, WORK_PREVIEW);
        const formId = `urge-${k}`;
        const canUrge = urge !== null && OVERDUE_KINDS.includes(k) && all.length > 0;
        return (
          <section key={k} id={`work-${k}`} className="card work-section" aria-labelledby={`work-${k}-h`} data-testid={`work-${k}`}>
            <h2 id={`work-${k}-h`}>
              {t(`evaluatorWork.kinds.${k}`)} <span className="muted">({all.length})</span>
            </h2>
            <p className="small muted">{t(`evaluatorWork.hints.${k}`)}</p>
            {all.length === 0 ? (
              <p className="muted small">{t('evaluatorWork.empty')}</p>
            ) : (
              <>
                {canUrge && urge.form(formId)}
                <div className="table-wrap">
                  <table className="work-table">
                    <thead>
                      <tr>
                        {canUrge && (
                          <th className="urge-col no-print">
                            <span className="sr-only">{t('reminders.urge.column')}</span>
                          </th>
                        )}
                        <th>{t('evaluatorWork.columns.school')}</th>
                        <th>{t('evaluatorWork.columns.what')}</th>
                        <th>{t('evaluatorWork.columns.since')}</th>
                        <th>{t('evaluatorWork.columns.waited')}</th>
                        <th>{t('evaluatorWork.columns.action')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((w) => (
                        <tr key={`${w.schoolId}:${w.sortKey}:${w.finding?.id ?? w.disclosure?.id ?? ''}`} data-school={w.schoolCode} data-since={w.since}>
                          {canUrge && (
                            <td className="urge-col no-print" data-label={t('reminders.urge.column')}>
                              {urge.checkbox(formId, w.schoolId, t('reminders.urge.select', { school: `${w.schoolCode} ${w.schoolName}` }))}
                            </td>
                          )}
                          <td data-label={t('evaluatorWork.columns.school')}>
                            <Link href={`/review/schools/${w.schoolId}`}>
                              {w.schoolCode} {w.schoolName}
                            </Link>
                            {w.zone && <span className="muted small"> · {w.zone}</span>}
                          </td>
                          <td data-label={t('evaluatorWork.columns.what')}>
                            <What w={w} t={t} />
                          </td>
                          <td className="work-since" data-label={t('evaluatorWork.columns.since')}>
                            {w.since}
                          </td>
                          <td data-label={t('evaluatorWork.columns.waited')} data-testid="waited">
                            {OVERDUE_KINDS.includes(k) ? <span className="badge s-overdue">{t('evaluatorWork.overdueDays', { days: w.days })}</span> : t('evaluatorWork.waitedDays', { days: w.days })}
                          </td>
                          <td data-label={t('evaluatorWork.columns.action')}>
                            <Link href={w.href}>{t(`evaluatorWork.actions.${k}`)}</Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {all.length > WORK_PREVIEW && (
                  <p className="small no-print">
                    {show === k ? (
                      <Link href={`/review#work-${k}`}>{t('evaluatorWork.showFewer', { count: WORK_PREVIEW })}</Link>
                    ) : (
                      <Link href={`/review?show=${k}#work-${k}`}>{t('evaluatorWork.showAll', { count: all.length })}</Link>
                    )}
                  </p>
                )}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

type T = Awaited<ReturnType<typeof getTranslations>>;

function What({ w, t }: { w: WorkItem; t: T }) {
  if (w.report) {
    return (
      <>
        {t('evaluatorWork.quarterReport', { year: w.report.year, quarter: w.report.quarter })}
        {w.kind === 'overdueReport' && <span className="muted small"> · {t('evaluatorWork.reportDue', { date: w.report.dueOn })}</span>}
      </>
    );
  }
  if (w.finding) {
    return (
      <>
        <span className={`badge sev-${w.finding.severity}`}>{t(`evaluatorFindings.severities.${w.finding.severity}`)}</span> {w.finding.title}
        <span className="muted small"> · {t('evaluatorWork.findingDue', { date: w.finding.dueOn })}</span>
      </>
    );
  }
  const d = w.disclosure!;
  return (
    <>
      {d.itemCode} {d.itemName}
      <span className="muted small">
        {' · '}
        {periodText(t, d.periodKey, d.eventTitle && d.eventDate ? { title: d.eventTitle, eventDate: d.eventDate } : null)} · {t('evaluatorWork.rejectedFor', { reason: d.reason })}
      </span>
    </>
  );
}
