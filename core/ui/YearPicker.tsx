import { getTranslations } from 'next-intl/server';

/** A plain GET form (works without JavaScript): the chosen year goes into `?year=`. */
export async function YearPicker({ years, year, action, extra = {} }: { years: number[]; year: number; action: string; extra?: Record<string, string> }) {
  const t = await getTranslations('admin');
  const list = years.includes(year) ? years : [...years, year].sort((a, b) => b - a);
  return (
    <form method="get" action={action} className="filters no-print" aria-label={t('yearPicker')}>
      {Object.entries(extra).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label>
        {t('year')}{' '}
        <select name="year" defaultValue={String(year)}>
          {list.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('show')}</button>
    </form>
  );
}
