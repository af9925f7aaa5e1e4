// The evaluator's decision panel (§4, §5): the five rubric dimensions, then return with a reason,
// approve, or reopen an approved report with a reason. Leaders and coordinators see the score.
import { getTranslations } from 'next-intl/server';
import type { reportReview } from '@/modules/reports/data/review-report';
import { RUBRIC_DIMENSIONS } from '@/core/domain/types';
import { ActionForm } from './ActionForm';
import { scoreAction, transitionAction } from '@/modules/reports/actions/review';

type Data = Awaited<ReturnType<typeof reportReview>>;

export async function ReviewPanel({ data, canAct }: { data: Data; canAct: boolean }) {
  const t = await getTranslations();
  const r = data.report;
  const ev = data.evaluation;
  const scorable = canAct && (r.state === 'submitted' || r.state === 'returned');
  const version = String(r.version);
  return (
    <section className="card" aria-labelledby="score-h">
      <h2 id="score-h">{t('evaluatorReport.scoreTitle')}</h2>
      {ev ? (
        <p data-testid="score-total">
          {t('evaluatorReport.scoreTotal', { total: ev.total })} · {RUBRIC_DIMENSIONS.map((d) => `${t(`evaluatorReport.dim.${d}`)} ${ev[d]}`).join(' · ')}
          {ev.comment ? ` · ${ev.comment}` : ''}
        </p>
      ) : (
        <p className="muted">{t('evaluatorReport.notScored')}</p>
      )}
      {scorable && (
        <ActionForm
          action={scoreAction}
          hidden={{ reportId: r.id }}
          className="form score-form"
          testId="score-form"
          fields={[
            ...RUBRIC_DIMENSIONS.map((d) => ({ name: d, label: `${t(`evaluatorReport.dim.${d}`)} (0–20)`, kind: 'number' as const, min: 0, max: 20, defaultValue: ev ? String(ev[d]) : '' })),
            { name: 'comment', label: t('evaluatorReport.scoreComment'), kind: 'textarea' as const, defaultValue: ev?.comment ?? '' },
          ]}
          submitLabel={t('evaluatorReport.saveScore')}
          savedText={t('common.saved')}
        />
      )}
      {canAct && (
        <div className="decisions">
          {r.state === 'submitted' && (
            <>
              <ActionForm
                action={transitionAction}
                hidden={{ reportId: r.id, action: 'return', version }}
                fields={[{ name: 'reason', label: t('evaluatorReport.returnReason'), kind: 'textarea', required: true }]}
                submitLabel={t('evaluatorReport.return')}
                danger
                testId="return-form"
              />
              <ActionForm
                action={transitionAction}
                hidden={{ reportId: r.id, action: 'approve', version }}
                submitLabel={t('evaluatorReport.approve')}
                testId="approve-form"
                confirm={{
                  title: t('evaluatorReport.approveConfirm.title'),
                  body: t('evaluatorReport.approveConfirm.body', { school: data.school.name, year: r.year, quarter: r.quarter, total: ev?.total ?? '—' }),
                  confirm: t('evaluatorReport.approveConfirm.confirm'),
                }}
              />
            </>
          )}
          {r.state === 'approved' && (
            <ActionForm
              action={transitionAction}
              hidden={{ reportId: r.id, action: 'reopen', version }}
              fields={[{ name: 'reason', label: t('evaluatorReport.reopenReason'), kind: 'textarea', required: true }]}
              submitLabel={t('evaluatorReport.reopen')}
              danger
              testId="reopen-form"
            />
          )}
          {(r.state === 'draft' || r.state === 'returned') && <p className="muted">{t(`evaluatorReport.waiting.${r.state}`)}</p>}
        </div>
      )}
    </section>
  );
}
