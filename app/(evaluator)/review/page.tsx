import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/AppShell';
import { ReportStateBadge } from '@/components/StatusBadge';
import { dateTime, pct } from '@/components/format';
import { requirePageScope } from '@/lib/auth/session';
import { thisQuarter } from '@/lib/data/context';
import { reviewQueue } from '@/lib/data/homes';

export const dynamic = 'force-dynamic';

export default async function ReviewHome() {
  const scope = await requirePageScope(['evaluator']);
  const q = thisQuarter();
  const [t, locale, data] = await Promise.all([getTranslations(), getLocale(), reviewQueue(scope, q)]);
  const tot = data.totals;
  return (
    <AppShell scope={scope}>
      <h1>
        {t('evaluator.title')} · {t('common.quarter', { year: q.year, quarter: q.quarter })}
      </h1>
      <p className="muted">
        {data.zones ? t('evaluator.scopeZones', { zones: data.zones.join('、') }) : t('evaluator.scopeAll')} · {t('common.dueDate')} {data.due}
      </p>
      <div className="kpis">
        <Kpi label={t('evaluator.expected')} value={String(tot.expected)} />
        <Kpi label={t('evaluator.submitted')} value={String(tot.submitted)} />
        <Kpi label={t('evaluator.onTime')} value={String(tot.onTime)} />
        <Kpi label={t('evaluator.completeness')} value={pct(tot.completeness)} />
        <Kpi label={t('evaluator.onTimeRate')} value={pct(tot.onTimeRate)} />
        <Kpi label={t('common.coverage')} value={pct(tot.figures.coverage)} />
        <Kpi label={t('common.timeliness')} value={pct(tot.figures.timeliness)} />
      </div>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('common.school')}</th>
              <th>{t('common.zone')}</th>
              <th>{t('common.type')}</th>
              <th>{t('common.state')}</th>
              <th>{t('evaluator.submittedAt')}</th>
              <th className="num">{t('common.coverage')}</th>
              <th className="num">{t('common.timeliness')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.schoolId} className={r.overdue ? 'overdue-row' : undefined} data-school={r.code}>
                <td>
                  {r.code} {r.name}
                </td>
                <td>{r.zone ?? '—'}</td>
                <td>{t(`schoolTypes.${r.type}`)}</td>
                <td>
                  <ReportStateBadge state={r.state} /> {r.overdue && <span className="badge s-overdue">{t('coordinator.overdue')}</span>}
                </td>
                <td>{dateTime(r.submittedAt, locale)}</td>
                <td className="num">{pct(r.figures.coverage)}</td>
                <td className="num">{pct(r.figures.timeliness)}</td>
                <td>{r.reportId && <Link href={`/review/reports/${r.reportId}`}>{t('evaluator.open')}</Link>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AppShell>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="kpi">
      <div className="label">{label}</div>
      <div className="value">{value}</div>
    </div>
  );
}
