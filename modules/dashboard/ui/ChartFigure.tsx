// A chart with its caption and its numbers as an accessible table (DESIGN §4: every figure can
// be read and drilled into, not only seen).
import { getTranslations } from 'next-intl/server';
import styles from './dashboard.module.css';

export async function ChartFigure({ id, title, hint, chart, table }: { id: string; title: string; hint?: string; chart: React.ReactNode; table: React.ReactNode }) {
  const t = await getTranslations('dashboard');
  return (
    <figure className={styles.figure} data-chart={id} aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        {hint && <p className="small muted">{hint}</p>}
      </figcaption>
      <div data-testid={`chart-${id}`}>{chart}</div>
      <details data-testid={`table-${id}`}>
        <summary>{t('dataTable')}</summary>
        <div className="table-wrap">{table}</div>
      </details>
    </figure>
  );
}
