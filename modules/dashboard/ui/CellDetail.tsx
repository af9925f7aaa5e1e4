// The disclosures behind one matrix cell (issue 4: "clicking a cell shows the disclosures").
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/core/ui/StatusBadge';
import { matrixCellDetail } from '@/modules/dashboard/data/matrix';
import type { Period } from '@/modules/dashboard/data/school-table';
import { type Scope } from '@/core/scope';
import { foundOrNull } from '@/core/found';

export async function CellDetail({ scope, schoolId, itemCode, period, closeHref }: { scope: Scope; schoolId: string; itemCode: string; period: Period; closeHref: string }) {
  const t = await getTranslations();
  const data = await foundOrNull(matrixCellDetail(scope, { schoolId, itemCode, period }));
  if (!data) return <p className="error">{t('errors.notFound')}</p>;
  return (
    <section id="cell" className="card cell-detail" aria-labelledby="cell-h" data-testid="cell-detail">
      <h2 id="cell-h">
        {data.school.code} {data.school.name} · {data.item.code} {data.item.name}
      </h2>
      {data.obligations.length === 0 && <p className="muted">{t('evaluatorMatrix.state.notApplicable')}</p>}
      <ul className="disclosures">
        {data.obligations.map((o) => (
          <li key={o.obligation.periodKey}>
            <strong>{o.obligation.eventDate ?? o.obligation.periodKey}</strong> · {t('common.deadline')} {o.obligation.deadline} <StatusBadge status={o.status} />
            {o.reportId && (
              <>
                {' '}
                <Link href={`/review/reports/${o.reportId}`}>{t('evaluatorMatrix.openReport')}</Link>
              </>
            )}
            {o.disclosures.length === 0 ? (
              <p className="muted small">{t('evaluatorReport.noDisclosure')}</p>
            ) : (
              <ul>
                {o.disclosures.map((d) => (
                  <li key={d.id} data-disclosure={d.id}>
                    {d.disclosedOn} · {d.channels.map((c) => t(`evaluatorReport.channel.${c}`)).join('、')} · {d.summary}
                    {d.rejection && (
                      <span className="rejection">
                        {' '}
                        — {t('evaluatorReport.rejected')}：{d.rejection}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <Link href={closeHref}>{t('evaluatorMatrix.closeCell')}</Link>
    </section>
  );
}
