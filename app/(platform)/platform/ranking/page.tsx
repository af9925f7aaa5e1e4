// Platform admin: the province's 先进单位 ranking of a year (issue 15) — every district's schools
// ranked within their school types (ranks are per district, DESIGN §6), filterable by district and
// type, a page of rows at a time; read from the fact store district by district (bounded fan-out).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { parseYear } from '@/modules/ranking/validation/ranking';
import { SCHOOL_TYPES, type SchoolType } from '@/core/domain/types';
import { provinceView } from '@/modules/ranking/data/province';
import { StateBadge } from '@/modules/ranking/ui/WorkflowPanel';

export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : null);

export default async function ProvinceRankingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await requirePageScope(['platformAdmin']);
  const sp = await searchParams;
  const year = parseYear(sp.year) ?? thisQuarter().year - 1;
  const typeRaw = one(sp.type);
  const type = (SCHOOL_TYPES as readonly string[]).includes(typeRaw ?? '') ? (typeRaw as SchoolType) : null;
  const pageRaw = Number(one(sp.page) ?? '1');
  const districtRaw = one(sp.district);
  const [t, tr, tc, v] = await Promise.all([
    getTranslations('province'),
    getTranslations('ranking'),
    getTranslations(),
    provinceView(scope, year, { district: districtRaw, type, page: Number.isInteger(pageRaw) ? pageRaw : 1 }),
  ]);
  const district = v.districts.some((d) => d.code === districtRaw) ? districtRaw : null;
  const href = (over: Record<string, string | number | null>) => {
    const q = new URLSearchParams();
    const all = { year, district, type, page: null as number | null, ...over };
    for (const [k, val] of Object.entries(all)) if (val !== null && val !== '') q.set(k, String(val));
    return `/platform/ranking?${q.toString()}`;
  };
  return (
    <AppShell scope={scope}>
      <h1>{t('title', { year })}</h1>
      <p className="muted small">
        {t('rule')} {tr('computedOn', { date: v.computedOn })}
      </p>
      <form method="get" action="/platform/ranking" className="filters no-print">
        <label>
          {t('year')}
          <input type="number" name="year" defaultValue={year} min={2000} max={2100} />
        </label>
        <label>
          {t('district')}
          <select name="district" defaultValue={district ?? ''}>
            <option value="">{t('allDistricts')}</option>
            {v.districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tc('common.type')}
          <select name="type" defaultValue={type ?? ''}>
            <option value="">{t('allTypes')}</option>
            {SCHOOL_TYPES.map((x) => (
              <option key={x} value={x}>
                {tc(`schoolTypes.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('show')}</button>
        <a href={`/api/v1/province/rankings?year=${year}${district ? `&district=${district}` : ''}`}>{t('json')}</a>
      </form>
      <h2 id="province-districts">{t('districts')}</h2>
      {/* Focusable: on a phone the table scrolls sideways, and a keyboard must reach it. */}
      <div className="table-wrap" role="region" aria-labelledby="province-districts" tabIndex={0}>
        <table data-testid="province-districts">
          <caption className="muted small">{t('totals', v.totals)}</caption>
          <thead>
            <tr>
              <th>{t('district')}</th>
              <th>{t('state')}</th>
              <th className="num">{t('schools')}</th>
              <th className="num">{tr('eligible')}</th>
              <th className="num">{tr('inQuota')}</th>
            </tr>
          </thead>
          <tbody>
            {v.districts.map((d) => (
              <tr key={d.code} data-district={d.code}>
                <td>
                  <Link href={href({ district: d.code })}>{d.name}</Link>
                </td>
                <td>{d.recomputing ? <span data-testid="recomputing">{t('recomputing', d.recomputing)}</span> : <StateBadge state={d.state} version={null} />}</td>
                <td className="num">{d.schools}</td>
                <td className="num">{d.eligible}</td>
                <td className="num">{d.inQuota}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="province-schools">{t('schoolsHeading', { n: v.matching })}</h2>
      <div className="table-wrap" role="region" aria-labelledby="province-schools" tabIndex={0}>
        <table data-testid="province-rows">
          <thead>
            <tr>
              <th>{t('district')}</th>
              <th>{tc('common.type')}</th>
              <th className="num">{tr('col.rank')}</th>
              <th>{tr('col.school')}</th>
              <th className="num">{tr('col.composite')}</th>
              <th>{tr('col.eligibility')}</th>
              <th>{tr('col.quota')}</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr key={r.schoolId} data-school={r.code}>
                <td>{r.districtName}</td>
                <td>{tc(`schoolTypes.${r.type}`)}</td>
                <td className="num">{r.rank ?? '—'}</td>
                <td>{r.name}</td>
                <td className="num">{r.composite.toFixed(2)}</td>
                <td>{r.eligible ? tr('eligible') : r.reasons.map((x) => tr(`reason.${x}`)).join('；')}</td>
                <td>{r.inQuota ? tr('inQuota') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="filters" aria-label={t('pages')}>
        {v.page > 1 && <Link href={href({ page: v.page - 1 })}>{t('previous')}</Link>}
        <span>{t('pageOf', { page: v.page, pages: v.pages })}</span>
        {v.page < v.pages && <Link href={href({ page: v.page + 1 })}>{t('next')}</Link>}
      </nav>
    </AppShell>
  );
}
