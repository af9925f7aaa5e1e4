// The district's headline figures (DESIGN §4): coverage, timeliness, report completeness and
// on-time rate, 满意率 and open findings. A period in progress says so, and what it leaves out.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { pct } from '@/core/ui/format';
import type { Kpis, YearKpis } from '@/modules/dashboard/data/dashboard';
import styles from './dashboard.module.css';
import { InProgressNote } from './InProgressNote';

function Card({ label, value, note, testId, href }: { label: string; value: string; note?: string; testId: string; href?: string }) {
  return (
    <div className={styles.kpi}>
      <div className={styles.label}>{label}</div>
      <div className={styles.value} data-testid={testId}>
        {href ? <Link href={href}>{value}</Link> : value}
      </div>
      {note && <div className={styles.note}>{note}</div>}
    </div>
  );
}

export async function KpiCards({
  prefix,
  k,
  year,
  openFindings,
}: {
  prefix: 'year' | 'quarter';
  k: Kpis | YearKpis;
  year?: YearKpis;
  /** The year's findings not closed, and the list it counts (the same condition). */
  openFindings?: { count: number; year: number; href: string };
}) {
  const t = await getTranslations('dashboard');
  return (
    <>
      {k.inProgress && <InProgressNote notYetDue={k.notYetDue} reports={k.reportsNotYetDue} testId={`${prefix}-in-progress`} />}
      <div className={styles.kpis}>
        <Card label={t('kpi.coverage')} value={pct(k.coverage)} testId={`${prefix}-coverage`} />
        <Card label={t('kpi.timeliness')} value={pct(k.timeliness)} testId={`${prefix}-timeliness`} />
        <Card label={t('kpi.reportCompleteness')} value={pct(k.reportCompleteness)} testId={`${prefix}-report-completeness`} />
        <Card label={t('kpi.reportOnTime')} value={pct(k.reportOnTime)} testId={`${prefix}-report-on-time`} />
        {year && <Card label={t('kpi.satisfaction')} value={pct(year.satisfaction)} note={t('kpi.satisfactionNote', { count: year.satisfactionSchools })} testId="year-satisfaction" />}
        {openFindings && (
          <Card label={t('kpi.openFindings', { year: openFindings.year })} value={String(openFindings.count)} note={t('kpi.openFindingsNote')} href={openFindings.href} testId="year-open-findings" />
        )}
      </div>
    </>
  );
}
