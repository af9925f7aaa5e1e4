import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { districtUsers, userFormOptions } from '@/modules/org/data/users-admin';
import { ImportPanel } from '@/modules/org/ui/ImportPanel';
import { ToggleUser } from '@/modules/org/ui/ToggleUser';
import { UserForm } from '@/modules/org/ui/UserForm';

export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const scope = await requirePageScope(['districtAdmin']);
  const [t, rows, options] = await Promise.all([getTranslations(), districtUsers(scope), userFormOptions(scope)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('admin.usersTitle')}</h1>
      <details className="card" open={rows.length < 2}>
        <summary>{t('adminUsers.new')}</summary>
        <UserForm options={options} />
      </details>
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
                <td>{u.school ?? (u.zones.length ? u.zones.join('、') : u.role === 'evaluator' || u.role === 'leader' || u.role === 'districtAdmin' ? t('admin.wholeDistrict') : '—')}</td>
                <td>
                  {u.disabled ? t('admin.disabled') : t('admin.active')}
                  {u.mustChangePassword && !u.disabled && <span className="badge warn"> {t('adminUsers.mustChange')}</span>}
                </td>
                <td className="row-actions">
                  <Link href={`/admin/users/${u.id}`}>{t('adminUsers.edit')}</Link>
                  {u.id !== scope.userId && <ToggleUser userId={u.id} disabled={u.disabled} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="card">
        <summary>{t('adminUsers.import')}</summary>
        <ImportPanel kind="users" />
      </details>
    </AppShell>
  );
}
