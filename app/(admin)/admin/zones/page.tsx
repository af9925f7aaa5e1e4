import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { listZones } from '@/modules/org/data/zones-admin';
import { ZoneForm } from '@/modules/org/ui/ZoneForm';

export const dynamic = 'force-dynamic';

export default async function ZonesPage() {
  const scope = await requirePageScope(['districtAdmin']);
  const [t, zones] = await Promise.all([getTranslations('adminZones'), listZones(scope)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('code')}</th>
              <th>{t('name')}</th>
              <th className="num">{t('sortOrder')}</th>
              <th className="num">{t('schools')}</th>
              <th className="num">{t('evaluators')}</th>
              <th>{t('status')}</th>
              <th>{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {zones.map((z) => (
              <tr key={z.id} data-zone={z.code}>
                <td>{z.code}</td>
                <td>{z.name}</td>
                <td className="num">{z.sortOrder}</td>
                <td className="num">{z.schools}</td>
                <td className="num">{z.evaluators}</td>
                <td>{z.active ? t('active') : t('inactive')}</td>
                <td>
                  <Link href={`/admin/zones/${z.id}`}>{t('edit')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {zones.length === 0 && <p className="muted">{t('none')}</p>}
      <section className="card">
        <h2>{t('new')}</h2>
        <ZoneForm />
      </section>
    </AppShell>
  );
}
