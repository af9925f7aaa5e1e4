// The district's headline figures (DESIGN §4): coverage, timeliness, report completeness and
// on-time rate, mean 满意率 and open findings.
import { getTranslations } from 'next-intl/server';
import { pct } from '@/core/ui/format';
import type { Kpis, YearKpis } from '@/modules/dashboard/data/dashboard';
import { fixed2 } from '@/core/ui/figures';
import styles from './dashboard.module.css';

function Card({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className={styles.kpi}>
      <div className={styles.label}>{label}</div>
      <div className={styles.value} data-testid={testId}>
        {value}
      </div>
      {note && <div className={styles.note}>{note}</div>}
    </div>
  );
}

export async function KpiCards({ prefix, k, year }: { prefix: 'year' | 'quarter'; k: Kpis | YearKpis; year?: YearKpis }) {
  const t = await getTranslations('dashboard');
  return (
    <div className={styles.kpis}>
      <Card label={t('kpi.coverage')} value={pct(k.coverage)} testId={`${prefix}-coverage`} />
      <Card label={t('kpi.timeliness')} value={pct(k.timeliness)} testId={`${prefix}-timeliness`} />
      <Card label={t('kpi.reportCompleteness')} value={pct(k.reportCompleteness)} testId={`${prefix}-report-completeness`} />
      <Card label={t('kpi.reportOnTime')} value={pct(k.reportOnTime)} testId={`${prefix}-report-on-time`} />
      {year && (
        <>
          <Card
            label={t('kpi.satisfaction')}
            value={year.satisfaction === null ? '—' : `${fixed2(year.satisfaction)}%`}
            note={t('kpi.satisfactionNote', { count: year.satisfactionSchools })}
            testId="year-satisfaction"
          />
          <Card label={t('kpi.openFindings')} value={String(year.openFindings)} testId="year-open-findings" />
        </>
      )}
    </div>
  );
}
