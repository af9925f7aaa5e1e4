// /review/ranking?year=Y — the annual 先进单位 ranking (DESIGN §6) for evaluators and leaders:
// every school's components, composite, eligibility, rank within its group and quota, each row
// explained; and the 公示 workflow around it.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { rankingView, rankingWorkflow } from '@/modules/ranking/data/view';
import { explainComposite } from '@/modules/ranking/domain/explain';
import { weightPct } from '@/core/ui/figures';
import { parseYear, rankingQuerySchema } from '@/modules/ranking/validation/ranking';
import { RankingFilters } from '@/modules/ranking/ui/RankingFilters';
import { RankingTable, type TableRow } from '@/modules/ranking/ui/RankingTable';
import { StateBadge, WorkflowPanel } from '@/modules/ranking/ui/WorkflowPanel';
import { orderRows } from '@/modules/ranking/ui/table-order';
import styles from '@/modules/ranking/ui/ranking.module.css';
import { found, unlessRecomputing } from '@/core/found';
import { RecomputingNotice } from '@/core/ui/RecomputingNotice';

export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

export default async function RankingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const sp = await searchParams;
  // The evaluation year defaults to last year (the current one is still running).
  const year = parseYear(sp.year) ?? thisQuarter().year - 1;
  const query = rankingQuerySchema.parse(sp);
  const live = query.view === 'live';
  const [t, r, wf] = await found(Promise.all([getTranslations('ranking'), unlessRecomputing(rankingView(scope, year, { live, compare: true })), rankingWorkflow(scope, year)]));
  if (r.recomputing) {
    return (
      <AppShell scope={scope}>
        <h1>{t('title', { year })}</h1>
        <RecomputingNotice progress={r.recomputing} />
      </AppShell>
    );
  }
  const view = r.value;
  const changes = new Map((view.changes ?? []).map((c) => [c.schoolId, c.changes]));
  const weights = view.ranking.settings.weights;
  const rows: TableRow[] = view.ranking.rows.map((r) => ({ ...r, parts: explainComposite(r.values, weights).parts, changes: changes.get(r.schoolId) ?? null }));
  const zones = [...new Map(view.ranking.rows.filter((r) => r.zoneId).map((r) => [r.zoneId!, r.zone ?? ''])).entries()].map(([id, name]) => ({ id, name }));
  const groups = view.ranking.groups.filter((g) => !query.group || g.schoolType === query.group);
  const settings = view.ranking.settings;
  const exportHref = `/review/ranking/export?year=${year}${live ? '&view=live' : ''}`;
  return (
    <AppShell scope={scope}>
      <h1>
        {t('title', { year })} <StateBadge state={view.state} version={view.snapshot?.version ?? null} />
      </h1>
      <p className="muted small">
        {t('rules', {
          coverage: weightPct(settings.weights.coverage),
          timeliness: weightPct(settings.weights.timeliness),
          score: weightPct(settings.weights.score),
          satisfaction: weightPct(settings.weights.satisfaction),
          quota: settings.quotaPercent,
          min: settings.minComposite,
        })}{' '}
        {t('computedOn', { date: view.ranking.computedOn })}
      </p>
      <RankingFilters year={year} years={wf.years} query={query} zones={zones} exportHref={exportHref} />
      <WorkflowPanel view={view} wf={wf} live={live} />
      {groups.length === 0 && <p>{t('empty')}</p>}
      {groups.map((g) => {
        const list = orderRows(
          rows.filter((r) => r.type === g.schoolType),
          query,
        );
        const caption = t('groupCaption', { group: t(`group.${g.schoolType}`), year });
        return (
          <section key={g.schoolType} aria-label={caption} data-group={g.schoolType}>
            <div className={styles.groupHead}>
              <h2>{t(`group.${g.schoolType}`)}</h2>
              <span className="muted">{t('groupSummary', { schools: g.schools, eligible: g.eligible, quota: g.quota, awarded: g.awarded })}</span>
            </div>
            {list.length === 0 ? <p className="muted">{t('noRows')}</p> : <RankingTable year={year} rows={list} caption={caption} />}
          </section>
        );
      })}
      <p className="small muted">
        {t('tieRule')} <Link href="/review/matrix">{t('toMatrix')}</Link>
      </p>
    </AppShell>
  );
}
