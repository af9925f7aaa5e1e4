// /overview?year=Y — the leadership dashboard (DESIGN §4, §6): KPIs for the year and a quarter,
// trends, zones, the distribution of composite scores, the top and bottom ten and rank movement
// against last year. Every chart has its numbers as a table and drills down to the schools.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { leaderDashboard } from '@/modules/dashboard/data/dashboard';
import { parseYear } from '@/modules/ranking/validation/ranking';
import { ChartFigure } from '@/modules/dashboard/ui/ChartFigure';
import { DistributionTable, MovementTable, profileHref, SchoolTable, TrendTable, ZoneTable } from '@/modules/dashboard/ui/DataTables';
import { KpiCards } from '@/modules/dashboard/ui/Kpis';
import type { BarPoint } from '@/modules/dashboard/ui/charts/SchoolBars';
import { SchoolBars, TrendChart, ZoneChart } from '@/modules/dashboard/ui/charts/lazy';
import { BAD, COLORS, GOOD, NEUTRAL } from '@/modules/dashboard/ui/charts/theme';
import styles from '@/modules/dashboard/ui/dashboard.module.css';
import { unlessRecomputing } from '@/core/found';
import { RecomputingNotice } from '@/core/ui/RecomputingNotice';

export const dynamic = 'force-dynamic';

export default async function LeaderDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['leader']);
  const sp = await searchParams;
  const year = parseYear(sp.year) ?? thisQuarter().year;
  const [t, tw, td, r] = await Promise.all([getTranslations('dashboard'), getTranslations('rankingWorkflow'), getTranslations('documents'), unlessRecomputing(leaderDashboard(scope, year))]);
  if (r.recomputing) {
    return (
      <AppShell scope={scope}>
        <h1>{t('title')}</h1>
        <RecomputingNotice progress={r.recomputing} />
      </AppShell>
    );
  }
  const d = r.value;
  const years = d.years.includes(year) ? d.years : [year, ...d.years];
  const kpiNames = { coverage: t('kpi.coverage'), timeliness: t('kpi.timeliness'), reportCompleteness: t('kpi.reportCompleteness'), reportOnTime: t('kpi.reportOnTime') };
  const schoolBar = (r: (typeof d.top)[number]): BarPoint => ({ label: r.name, value: r.composite, href: profileHref(r.schoolId), color: r.eligible ? COLORS[1] : NEUTRAL });
  const moved = d.movement.filter((m) => m.movement !== null && m.movement !== 0).sort((a, b) => b.movement! - a.movement!);
  const movers = [...moved.filter((m) => m.movement! > 0).slice(0, 8), ...moved.filter((m) => m.movement! < 0).slice(-8)];
  const span = Math.max(1, ...movers.map((m) => Math.abs(m.movement!))) + 1;
  return (
    <AppShell scope={scope}>
      <div className={styles.head}>
        <h1>{t('title')}</h1>
        <form method="get" action="/overview" className={`${styles.picker} no-print`}>
          <label>
            {t('year')}
            <br />
            <select name="year" defaultValue={year}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('show')}</button>
        </form>
      </div>
      <p className="muted">
        {t('rankingSource', { state: tw(`state.${d.ranking.state}`), version: d.ranking.version ?? 0 })} <Link href={`/review/ranking?year=${year}`}>{t('toRanking')}</Link> ·{' '}
        <Link href="/review/documents" data-testid="documents-link">
          {td('district.link')}
        </Link>
      </p>

      <h2>{t('yearKpis', { year })}</h2>
      <KpiCards prefix="year" k={d.yearKpis} year={d.yearKpis} openFindings={{ count: d.openFindings, year, href: `/review/findings?status=open&year=${year}` }} />
      <h2>{t('quarterKpis', { year, quarter: d.quarter })}</h2>
      <KpiCards prefix="quarter" k={d.quarterKpis} />

      <div className={styles.grid}>
        <ChartFigure
          id="trend"
          title={t('trend.title')}
          hint={t('trend.hint')}
          chart={
            <TrendChart
              label={t('trend.title')}
              names={kpiNames}
              data={d.trend.map((q) => ({
                label: q.inProgress ? t('quarterInProgress', { quarter: q.quarter }) : t('quarterLabel', { quarter: q.quarter }),
                href: `/review/matrix?year=${year}&quarter=${q.quarter}`,
                ...q,
              }))}
            />
          }
          table={<TrendTable d={d} />}
        />
        <ChartFigure
          id="zones"
          title={t('zones.title')}
          hint={t('zones.hint')}
          chart={
            <ZoneChart
              label={t('zones.title')}
              names={{ coverage: t('kpi.coverage'), timeliness: t('kpi.timeliness'), satisfaction: t('kpi.satisfaction'), composite: t('col.meanComposite') }}
              data={d.zones.map((z) => ({ label: z.name ?? t('noZone'), href: z.id ? `/review/ranking?year=${year}&zone=${z.id}` : `/review/ranking?year=${year}`, ...z }))}
            />
          }
          table={<ZoneTable d={d} />}
        />
        <ChartFigure
          id="distribution"
          title={t('distribution.title')}
          hint={t('distribution.hint')}
          chart={
            <SchoolBars
              vertical={false}
              decimals={0}
              label={t('distribution.title')}
              name={t('col.count')}
              data={d.distribution.map((b) => ({
                label: t('band', { from: b.from, to: b.to }),
                value: b.count,
                href: `/review/ranking?year=${year}&sort=composite`,
                color: b.from >= 85 ? GOOD : COLORS[1],
              }))}
            />
          }
          table={<DistributionTable d={d} />}
        />
        <ChartFigure
          id="movement"
          title={t('movement.title', { previous: year - 1 })}
          hint={d.previous ? t('movement.hint') : t('movement.none', { previous: year - 1 })}
          chart={
            movers.length ? (
              <SchoolBars
                decimals={0}
                domain={[-span, span]}
                label={t('movement.title', { previous: year - 1 })}
                name={t('col.movement')}
                data={movers.map((m) => ({ label: m.name, value: m.movement!, href: profileHref(m.schoolId), color: m.movement! > 0 ? GOOD : BAD }))}
              />
            ) : (
              <p className="muted">{t('movement.noMovers')}</p>
            )
          }
          table={<MovementTable d={d} />}
        />
        <ChartFigure
          id="top"
          title={t('top.title')}
          hint={t('top.hint')}
          chart={<SchoolBars label={t('top.title')} name={t('col.composite')} domain={[0, 100]} data={d.top.map(schoolBar)} />}
          table={<SchoolTable rows={d.top} id="top-table" />}
        />
        <ChartFigure
          id="bottom"
          title={t('bottom.title')}
          hint={t('top.hint')}
          chart={<SchoolBars label={t('bottom.title')} name={t('col.composite')} domain={[0, 100]} data={d.bottom.map(schoolBar)} />}
          table={<SchoolTable rows={d.bottom} id="bottom-table" />}
        />
      </div>
    </AppShell>
  );
}
