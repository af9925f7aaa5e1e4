// The ranking's year, group, zone and order (a plain GET form: works without JavaScript, and the
// URL can be shared), with the XLSX export of what is shown.
import { getTranslations } from 'next-intl/server';
import { SCHOOL_TYPES } from '@/core/domain/types';
import { RANKING_SORTS, type RankingQuery } from '@/modules/ranking/validation/ranking';

export async function RankingFilters({ year, years, query, zones, exportHref }: { year: number; years: number[]; query: RankingQuery; zones: { id: string; name: string }[]; exportHref: string }) {
  const t = await getTranslations('ranking');
  const yearList = years.includes(year) ? years : [year, ...years];
  return (
    <form method="get" action="/review/ranking" className="filters no-print" aria-label={t('filters')}>
      {query.view === 'live' && <input type="hidden" name="view" value="live" />}
      <label>
        {t('filter.year')}
        <br />
        <select name="year" defaultValue={year}>
          {yearList.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.group')}
        <br />
        <select name="group" defaultValue={query.group ?? ''}>
          <option value="">{t('filter.all')}</option>
          {SCHOOL_TYPES.map((g) => (
            <option key={g} value={g}>
              {t(`group.${g}`)}
            </option>
          ))}
        </select>
      </label>
      {zones.length > 0 && (
        <label>
          {t('filter.zone')}
          <br />
          <select name="zone" defaultValue={query.zone ?? ''}>
            <option value="">{t('filter.all')}</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('filter.sort')}
        <br />
        <select name="sort" defaultValue={query.sort}>
          {RANKING_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('filter.apply')}</button>
      <a href={exportHref} download>
        {t('export')}
      </a>
    </form>
  );
}
