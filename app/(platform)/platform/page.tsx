import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { platformDistricts } from '@/modules/obligations/data/homes';
import { CreateDistrictForm } from '@/modules/org/ui/CreateDistrictForm';

export const dynamic = 'force-dynamic';

export default async function PlatformHome() {
  const scope = await requirePageScope(['platformAdmin']);
  const [t, list] = await Promise.all([getTranslations(), platformDistricts(scope)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('platform.title')}</h1>
      <p className="filters">
        <Link href="/platform/templates">{t('nav.templates')}</Link>
        <Link href="/platform/ranking">{t('province.nav')}</Link>
        <Link href="/admin/audit">{t('platform.auditLink')}</Link>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('platform.code')}</th>
              <th>{t('platform.name')}</th>
              <th>{t('platform.issuingBody')}</th>
              <th className="num">{t('common.zone')}</th>
              <th className="num">{t('platform.schools')}</th>
              <th className="num">{t('platform.users')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id} data-district={d.code}>
                <td>{d.code}</td>
                <td>{d.name}</td>
                <td>{d.issuingBody}</td>
                <td className="num">{d.zones}</td>
                <td className="num">{d.schools}</td>
                <td className="num">{d.users}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="card" open={list.length === 0}>
        <summary>{t('platform.newDistrict')}</summary>
        <CreateDistrictForm />
      </details>
    </AppShell>
  );
}
