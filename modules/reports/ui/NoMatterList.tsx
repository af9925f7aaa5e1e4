// "No such matter this quarter" statements (§3): not obligations, but evaluators may challenge.
import { getLocale, getTranslations } from 'next-intl/server';
import { dateTime } from '@/core/ui/format';
import { ActionForm } from './ActionForm';
import { challengeAction } from '@/modules/reports/actions/review';

interface Statement {
  id: string;
  itemCode: string;
  itemName: string;
  reason: string;
  createdAt: Date;
  challenge: { at: Date; by: string | null; note: string } | null;
}

export async function NoMatterList({ items, canEdit }: { items: Statement[]; canEdit: boolean }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <section className="card" aria-labelledby="nomatter-h">
      <h2 id="nomatter-h">{t('evaluatorReport.noMatterTitle')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('evaluatorReport.noMatterNone')}</p>
      ) : (
        <ul className="disclosures">
          {items.map((n) => (
            <li key={n.id} data-nomatter={n.itemCode}>
              <strong>{n.itemCode}</strong> {n.itemName}：{n.reason} <span className="muted small">{dateTime(n.createdAt, locale)}</span>
              {n.challenge ? (
                <p className="rejection" role="note">
                  <strong>{t('evaluatorReport.challenged')}</strong>：{n.challenge.note}{' '}
                  <span className="muted small">
                    — {n.challenge.by ?? '—'} {dateTime(n.challenge.at, locale)}
                  </span>
                </p>
              ) : (
                canEdit && (
                  <details className="no-print">
                    <summary>{t('evaluatorReport.challenge')}</summary>
                    <ActionForm
                      action={challengeAction}
                      hidden={{ statementId: n.id }}
                      fields={[{ name: 'note', label: t('evaluatorReport.challengeNote'), kind: 'textarea', required: true }]}
                      submitLabel={t('evaluatorReport.challengeSubmit')}
                    />
                  </details>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
