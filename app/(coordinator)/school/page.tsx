import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/AppShell';
import { ObligationTable } from '@/components/ObligationTable';
import { ReportStateBadge } from '@/components/StatusBadge';
import { pct } from '@/components/format';
import { requirePageScope } from '@/lib/auth/session';
import { thisQuarter } from '@/lib/data/context';
import { coordinatorQuarter } from '@/lib/data/homes';

export const dynamic = 'force-dynamic';

export default async function CoordinatorHome() {
  const scope = await requirePageScope(['coordinator']);
  const q = thisQuarter();
  const t = await getTranslations();
  const data = await coordinatorQuarter(scope, q);
  const f = data.figures;
  return (
    <AppShell scope={scope} context={data.school.name}>
      <h1>
        {t('coordinator.title')} · {t('common.quarter', { year: q.year, quarter: q.quarter })}
      </h1>
      <div className="kpis">
        <div className="kpi">
          <div className="label">{t('coordinator.progress')}</div>
          <div className="value" data-testid="coverage">{pct(f.coverage)}</div>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={f.coverage ?? 0} aria-label={t('coordinator.progress')}>
            <span style={{ width: `${f.coverage ?? 0}%` }} />
          </div>
        </div>
        <div className="kpi">
          <div className="label">{t('common.timeliness')}</div>
          <div className="value" data-testid="timeliness">{pct(f.timeliness)}</div>
        </div>
        <div className="kpi">
          <div className="label">{t('coordinator.reportState')}</div>
          <div className="value">
            <ReportStateBadge state={data.report?.state ?? 'none'} />
          </div>
          <div className="small muted">{t('coordinator.reportDue', { date: data.reportDue })}</div>
        </div>
      </div>
      <p className="muted">{t('coordinator.obligations', { count: f.tally.obligations, met: f.tally.met, onTime: f.tally.onTime })}</p>
      <ObligationTable results={data.results} items={data.items} today={data.today} />
    </AppShell>
  );
}
