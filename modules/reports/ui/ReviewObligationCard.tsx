// One obligation of the report: its disclosures with evidence, flags and rejection, the
// evaluator's comments, and (for evaluators on an open report) reject / comment forms.
import { getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/core/ui/StatusBadge';
import { dateTime } from '@/core/ui/format';
import type { ObligationView } from '@/modules/reports/data/review-report';
import { ActionForm } from './ActionForm';
import { commentAction, rejectAction, withdrawRejectionAction } from '@/modules/reports/actions/review';
import { Evidence } from './Evidence';
import { periodText } from '@/core/ui/period-text';
import { Icon } from '@/core/ui/Icon';

export async function ObligationCard({ o, reportId, canEdit }: { o: ObligationView; reportId: string; canEdit: boolean }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const ob = o.result.obligation;
  // Words, never the raw key (`2026-H2`) or an event's id: 2026年下半年, 2026年10月, the event's title.
  const period = periodText(t, ob.periodKey, ob.eventId && ob.eventDate ? { title: o.eventTitle ?? '', eventDate: ob.eventDate } : null);
  return (
    <section className={`card obligation${o.result.status === 'missing' || o.result.status === 'rejected' ? ' obligation-unmet' : ''}`} data-item={ob.itemCode} data-period={ob.periodKey}>
      <h3>
        <span className="code">{ob.itemCode}</span> {o.item?.name ?? ''} <StatusBadge status={o.result.status} />
      </h3>
      <p className="small muted">
        {t('common.period')} {period} · {t('common.deadline')} {ob.deadline}
        {ob.timingBefore && ob.eventDate ? t('evaluatorReport.beforeEvent', { event: ob.eventDate }) : ''} · {t('common.weight')} {ob.weight}
        {o.item?.tags.includes('congress') ? ` · ${t('evaluatorReport.congressItem')}` : ''}
      </p>
      {o.disclosures.length === 0 ? (
        <p className="muted small">{t('evaluatorReport.noDisclosure')}</p>
      ) : (
        <ul className="disclosures">
          {o.disclosures.map((d) => (
            <li key={d.id} id={`d-${d.id}`} data-disclosure={d.id} className={d.rejection ? (d.rejection.revisedAt ? 'rejected revised' : 'rejected') : undefined}>
              <div>
                <strong>{d.disclosedOn}</strong> · {d.channels.map((c) => t(`evaluatorReport.channel.${c}`)).join('、')} · {t(`evaluatorReport.audience.${d.audience}`)}
                {d.flags.map((f) => (
                  <span key={f} className={`badge flag flag-${f}`} data-flag={f}>
                    <Icon name="flag" /> {t(`evaluatorReport.flag.${f}`)}
                  </span>
                ))}
              </div>
              <p className="summary">{d.summary}</p>
              {d.procurementAmount !== null && <p className="small">{t('evaluatorReport.procurement', { amount: d.procurementAmount.toFixed(2), method: d.procurementMethod ?? '—' })}</p>}
              <Evidence files={d.evidence} />
              {d.rejection && (
                <p className="rejection" role="note" data-testid="rejection">
                  <strong>{t('evaluatorReport.rejected')}</strong>：{d.rejection.reason}{' '}
                  <span className="muted small">
                    — {d.rejection.by ?? '—'} {dateTime(d.rejection.at, locale)}
                  </span>
                </p>
              )}
              {d.rejection?.revisedAt && (
                <p className="revised-note" role="note" data-testid="revised">
                  <span className="badge s-submitted">{t('evaluatorReport.revised')}</span> {t('evaluatorReport.revisedAt', { time: dateTime(d.rejection.revisedAt, locale) })}
                </p>
              )}
              {canEdit &&
                (d.rejection ? (
                  <ActionForm
                    action={withdrawRejectionAction}
                    hidden={{ rejectionId: d.rejection.id }}
                    submitLabel={d.rejection.revisedAt ? t('evaluatorReport.acceptRevision') : t('evaluatorReport.withdrawRejection')}
                    testId={d.rejection.revisedAt ? 'accept-revision' : 'withdraw'}
                  />
                ) : (
                  <details className="no-print">
                    <summary>{t('evaluatorReport.reject')}</summary>
                    <ActionForm
                      action={rejectAction}
                      hidden={{ disclosureId: d.id }}
                      fields={[{ name: 'reason', label: t('evaluatorReport.rejectReason'), kind: 'textarea', required: true }]}
                      submitLabel={t('evaluatorReport.rejectSubmit')}
                      danger
                      testId="reject-form"
                    />
                  </details>
                ))}
            </li>
          ))}
        </ul>
      )}
      {o.comments.length > 0 && (
        <ul className="comments" aria-label={t('evaluatorReport.comments')}>
          {o.comments.map((c) => (
            <li key={c.id} data-testid="item-comment">
              <Icon name="comment" /> {c.comment}{' '}
              <span className="muted small">
                — {c.author ?? '—'} {dateTime(c.at, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <details className="no-print">
          <summary>{t('evaluatorReport.addComment')}</summary>
          <ActionForm
            action={commentAction}
            hidden={{ reportId, itemCode: ob.itemCode, periodKey: ob.periodKey }}
            fields={[{ name: 'comment', label: t('evaluatorReport.comment'), kind: 'textarea', required: true }]}
            submitLabel={t('evaluatorReport.commentSubmit')}
            testId="comment-form"
          />
        </details>
      )}
    </section>
  );
}
