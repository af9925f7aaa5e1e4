import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/AppShell';
import { requirePageScope } from '@/lib/auth/session';
import { districtUsers } from '@/lib/data/admin-users';
import { ToggleUser } from './ToggleUser';

export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const scope = await requirePageScope(['districtAdmin']);
  const [t, rows] = await Promise.all([getTranslations(), districtUsers(scope)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('admin.usersTitle')}</h1>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('admin.username')}</th>
              <th>{t('admin.displayName')}</th>
              <th>{t('admin.role')}</th>
              <th>{t('admin.scope')}</th>
              <th>{t('admin.status')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} data-username={u.username}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{t(`roles.${u.role}`)}</td>
                <td>{u.school ?? (u.zones.length ? u.zones.join('、') : t('admin.wholeDistrict'))}</td>
                <td>{u.disabled ? t('admin.disabled') : t('admin.active')}</td>
                <td>{u.id !== scope.userId && <ToggleUser userId={u.id} disabled={u.disabled} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AppShell>
  );
}
