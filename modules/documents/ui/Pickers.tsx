// Period pickers and the download/print buttons of the documents pages (issue 17). Plain GET forms
// and links: they work without JavaScript.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import styles from './documents.module.css';

export async function PeriodPicker({
  action,
  years,
  year,
  quarter,
  quarters,
  extra = {},
}: {
  action: string;
  years: number[];
  year: number;
  quarter?: number;
  quarters?: { year: number; quarter: number }[];
  extra?: Record<string, string>;
}) {
  const t = await getTranslations('documents');
  const list = years.includes(year) ? years : [...years, year].sort((a, b) => b - a);
  return (
    <form method="get" action={action} className={`${styles.picker} no-print`} aria-label={t('picker.label')}>
      {Object.entries(extra).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {quarters ? (
        <label>
          {t('picker.quarter')}
          <select name="q" defaultValue={`${year}-${quarter}`}>
            {quarters.map((q) => (
              <option key={`${q.year}-${q.quarter}`} value={`${q.year}-${q.quarter}`}>
                {t('district.quarterOption', { year: q.year, quarter: q.quarter })}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          {t('picker.year')}
          <select name="year" defaultValue={String(year)}>
            {list.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit">{t('picker.show')}</button>
    </form>
  );
}

export async function DownloadButtons({ docx, print }: { docx: string; print: string }) {
  const t = await getTranslations('documents');
  return (
    <div className={`${styles.toolbar} no-print`}>
      <a className={`${styles.button} ${styles.primary}`} href={docx} download data-testid="download-docx">
        {t('actions.docx')}
      </a>
      <Link className={styles.button} href={print} data-testid="print-link">
        {t('actions.print')}
      </Link>
    </div>
  );
}
