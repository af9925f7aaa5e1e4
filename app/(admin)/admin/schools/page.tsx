import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { listSchools, type SchoolFilter } from '@/modules/org/data/schools-admin';
import { ImportPanel } from '@/modules/org/ui/ImportPanel';
import { Pager } from '@/core/ui/Pager';
import { SchoolActiveToggle, SchoolForm } from '@/modules/org/ui/SchoolForm';

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

function filterOf(p: Params): SchoolFilter {
  const status = one(p.status);
  return {
    q: one(p.q).slice(0, 50) || undefined,
    zone: one(p.zone) || undefined,
    status: status === 'active' || status === 'inactive' ? status : undefined,
    page: Math.max(1, Math.min(10_000, Number(one(p.page)) || 1)),
  };
}

function hrefOf(f: SchoolFilter, page: number): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.zone) p.set('zone', f.zone);
  if (f.status) p.set('status', f.status);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return `/admin/schools${s ? `?${s}` : ''}`;
}

export default async function SchoolsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const filter = filterOf(await searchParams);
  const [t, data] = await Promise.all([getTranslations(), listSchools(scope, filter)]);
  const zones = data.zones.map((z) => ({ id: z.id, name: z.name, active: z.active }));
  return (
    <AppShell scope={scope}>
      <h1>{t('adminSchools.title')}</h1>
      <form method="get" action="/admin/schools" className="filters no-print">
        <label>
          {t('adminSchools.search')} <input name="q" defaultValue={filter.q ?? ''} />
        </label>
        <label>
          {t('common.zone')}{' '}
          <select name="zone" defaultValue={filter.zone ?? ''}>
            <option value="">{t('adminSchools.allZones')}</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
            <option value="none">{t('adminSchools.noZone')}</option>
          </select>
        </label>
        <label>
          {t('adminSchools.status')}{' '}
          <select name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('adminSchools.allStatuses')}</option>
            <option value="active">{t('adminSchools.active')}</option>
            <option value="inactive">{t('adminSchools.inactive')}</option>
          </select>
        </label>
        <button type="submit">{t('adminSchools.filter')}</button>
      </form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('adminSchools.code')}</th>
              <th>{t('adminSchools.name')}</th>
              <th>{t('common.type')}</th>
              <th>{t('common.zone')}</th>
              <th>{t('adminSchools.coordinators')}</th>
              <th>{t('adminSchools.status')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((s) => (
              <tr key={s.id} data-school={s.code}>
                <td>{s.code}</td>
                <td>{s.name}</td>
                <td>{t(`schoolTypes.${s.type}`)}</td>
                <td>{s.zoneName ?? '—'}</td>
                <td>{s.coordinators.length ? s.coordinators.join('、') : <span className="muted">{t('adminSchools.noCoordinator')}</span>}</td>
                <td>{s.active ? t('adminSchools.active') : t('adminSchools.inactive')}</td>
                <td className="row-actions">
                  <Link href={`/admin/schools/${s.id}`}>{t('adminSchools.edit')}</Link>
                  <SchoolActiveToggle schoolId={s.id} active={s.active} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.rows.length === 0 && <p className="muted">{t('common.noData')}</p>}
      <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={(p) => hrefOf(filter, p)} />
      <details className="card">
        <summary>{t('adminSchools.new')}</summary>
        <SchoolForm zones={zones} />
      </details>
      <details className="card">
        <summary>{t('adminSchools.import')}</summary>
        <ImportPanel kind="schools" />
      </details>
    </AppShell>
  );
}
