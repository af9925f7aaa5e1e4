import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/AppShell';
import { pct } from '@/components/format';
import { requirePageScope } from '@/lib/auth/session';
import { thisQuarter } from '@/lib/data/context';
import { districtOverview } from '@/lib/data/homes';

export const dynamic = 'force-dynamic';

export default async function LeaderHome() {
  const scope = await requirePageScope(['leader']);
  const q = thisQuarter();
  const [t, data] = await Promise.all([getTranslations(), districtOverview(scope, q)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('leader.title')}</h1>
      <h2>
        {t('leader.quarterKpis')} · {t('common.quarter', { year: q.year, quarter: q.quarter })}
      </h2>
      <div className="kpis">
        <Kpi label={t('leader.schools')} value={String(data.schools)} />
        <Kpi label={t('common.coverage')} value={pct(data.quarter.coverage)} testId="q-coverage" />
        <Kpi label={t('common.timeliness')} value={pct(data.quarter.timeliness)} testId="q-timeliness" />
        <Kpi label={t('leader.reports')} value={pct(data.reportCompleteness)} />
      </div>
      <h2>
        {t('leader.yearKpis')} · {t('common.year', { year: q.year })}
      </h2>
      <div className="kpis">
        <Kpi label={t('common.coverage')} value={pct(data.year.coverage)} testId="y-coverage" />
        <Kpi label={t('common.timeliness')} value={pct(data.year.timeliness)} testId="y-timeliness" />
      </div>
      <h2>{t('leader.byZone')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('common.zone')}</th>
              <th className="num">{t('leader.schools')}</th>
              <th className="num">
                {t('common.coverage')} ({t('leader.quarterKpis')})
              </th>
              <th className="num">
                {t('common.timeliness')} ({t('leader.quarterKpis')})
              </th>
              <th className="num">
                {t('common.coverage')} ({t('leader.yearKpis')})
              </th>
              <th className="num">
                {t('common.timeliness')} ({t('leader.yearKpis')})
              </th>
              <th className="num">{t('leader.reports')}</th>
            </tr>
          </thead>
          <tbody>
            {data.zones.map((z) => (
              <tr key={z.zone}>
                <td>{z.zone}</td>
                <td className="num">{z.schools}</td>
                <td className="num">{pct(z.quarter.coverage)}</td>
                <td className="num">{pct(z.quarter.timeliness)}</td>
                <td className="num">{pct(z.year.coverage)}</td>
                <td className="num">{pct(z.year.timeliness)}</td>
                <td className="num">{pct(z.reportCompleteness)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AppShell>
  );
}

function Kpi({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="kpi">
      <div className="label">{label}</div>
      <div className="value" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
