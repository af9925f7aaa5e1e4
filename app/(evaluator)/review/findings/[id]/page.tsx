import '@/modules/reports/ui/review.css';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { dateTime } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { findingDetail } from '@/modules/reports/data/findings';
import { ActionForm } from '@/modules/reports/ui/ActionForm';
import { findingStatusAction, returnRectificationAction } from '@/modules/reports/actions/findings';
import { addDays } from '@/core/domain/dates';
import { found } from '@/core/found';
import { UrgeForm } from '@/modules/reminders/ui/UrgeForm';
import { Icon } from '@/core/ui/Icon';

export const dynamic = 'force-dynamic';

const STAGE_BADGE = { awaitingResponse: 's-draft', resubmit: 's-returned', responded: 's-submitted', closed: 's-approved' } as const;

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const { id } = await params;
  const data = await found(findingDetail(scope, id));
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const f = data.finding;
  return (
    <AppShell scope={scope}>
      <p className="no-print">
        <Link href="/review/findings">← {t('evaluatorFindings.title')}</Link>
      </p>
      <h1>{f.title}</h1>
      <p>
        <span className={`badge sev-${f.severity}`}>{t(`evaluatorFindings.severities.${f.severity}`)}</span> ·{' '}
        <span data-testid="finding-status" data-stage={data.stage} className={`badge ${STAGE_BADGE[data.stage]}`}>
          {t(`evaluatorFindings.stages.${data.stage}`)}
        </span>{' '}
        · <Link href={`/review/schools/${data.school.id}`}>{data.school.name}</Link>
        {f.itemCode ? ` · ${f.itemCode}` : ''} · {t('evaluatorFindings.dueOn')} {f.dueOn}{' '}
        {data.overdue && (
          <span className="badge s-overdue" data-testid="finding-overdue">
            {t('evaluatorFindings.overdue')}
          </span>
        )}
        {data.answeredLate && <span className="badge s-returned">{t('evaluatorFindings.answeredLate')}</span>}
      </p>
      <p className="small muted">{t('evaluatorFindings.raisedBy', { who: data.raisedBy ?? '—', at: dateTime(f.raisedAt, locale) })}</p>
      {f.description && <p className="card">{f.description}</p>}
      {scope.role === 'evaluator' && data.canAct && <UrgeForm formId="urge-finding" schoolIds={[data.school.id]} label={t('reminders.urge.one')} />}
      <h2>{t('evaluatorFindings.responses')}</h2>
      {data.responses.length === 0 ? (
        <p className="muted">{t('evaluatorFindings.noResponse')}</p>
      ) : (
        <ul className="disclosures" data-testid="responses">
          {data.responses.map((r) => (
            <li key={r.id} data-verdict={r.verdict ?? 'none'}>
              <p>{r.response}</p>
              <p className="small muted">
                {r.by ?? '—'} · {dateTime(r.at, locale)}
              </p>
              {r.verdict === 'insufficient' && (
                <p className="rejection" role="note" data-testid="verdict">
                  <strong>{t('evaluatorFindings.insufficientVerdict', { reason: r.verdictReason ?? '' })}</strong>{' '}
                  <span className="muted small">{t('evaluatorFindings.verdictBy', { who: r.verdictBy ?? '—', at: r.verdictAt ? dateTime(r.verdictAt, locale) : '' })}</span>
                </p>
              )}
              {r.evidence.map((e) =>
                e.kind === 'link' && e.url && /^https?:\/\//i.test(e.url) ? (
                  <a key={e.id} href={e.url} target="_blank" rel="noopener noreferrer nofollow">
                    <Icon name="link" /> {e.fileName ?? e.url}
                  </a>
                ) : (
                  <a key={e.id} href={`/files/${e.id}`} target="_blank" rel="noopener">
                    <Icon name="file" /> {e.fileName ?? t('evaluatorReport.file')}
                  </a>
                ),
              )}
            </li>
          ))}
        </ul>
      )}
      {data.history.length > 0 && (
        <>
          <h2>{t('evaluatorFindings.history')}</h2>
          <ol className="history">
            {data.history.map((h, i) => (
              <li key={i}>
                {dateTime(h.at, locale)} · {h.by ?? '—'} · {t(`evaluatorFindings.actions.${['raise', 'close', 'reopen', 'insufficient', 'respond'].includes(h.action) ? h.action : 'other'}`)}
                {h.note ? ` · ${h.note}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
      {data.canAct && (
        <section className="card no-print">
          {f.status === 'closed' ? (
            <ActionForm
              action={findingStatusAction}
              hidden={{ findingId: f.id, action: 'reopen' }}
              fields={[{ name: 'note', label: t('evaluatorFindings.reopenNote'), kind: 'textarea', required: true }]}
              submitLabel={t('evaluatorFindings.reopen')}
              danger
              testId="reopen-finding"
            />
          ) : (
            <>
              {f.status === 'responded' && <h2>{t('evaluatorFindings.decideTitle')}</h2>}
              <ActionForm
                action={findingStatusAction}
                hidden={{ findingId: f.id, action: 'close' }}
                fields={[{ name: 'note', label: t('evaluatorFindings.closeNote'), kind: 'textarea' }]}
                submitLabel={t('evaluatorFindings.close')}
                testId="close-finding"
              />
              {f.status === 'responded' && (
                <ActionForm
                  action={returnRectificationAction}
                  hidden={{ findingId: f.id }}
                  className="form"
                  fields={[
                    { name: 'reason', label: t('evaluatorFindings.insufficientReason'), kind: 'textarea', required: true },
                    { name: 'dueOn', label: t('evaluatorFindings.newDueOn'), kind: 'date', required: true, min: addDays(data.today, 1) },
                  ]}
                  submitLabel={t('evaluatorFindings.insufficientSubmit')}
                  savedText={t('evaluatorFindings.insufficientDone')}
                  danger
                  testId="insufficient-finding"
                />
              )}
            </>
          )}
        </section>
      )}
    </AppShell>
  );
}
