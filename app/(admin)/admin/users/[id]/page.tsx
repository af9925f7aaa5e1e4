import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { getUser } from '@/modules/org/data/users-admin';
import type { DistrictRole } from '@/modules/org/validation/org';
import { found } from '@/core/found';
import { ResetPassword } from '@/modules/org/ui/ResetPassword';
import { ToggleUser } from '@/modules/org/ui/ToggleUser';
import { UserForm } from '@/modules/org/ui/UserForm';

export const dynamic = 'force-dynamic';

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const { id } = await params;
  const { user, options, self } = await found(getUser(scope, id));
  const t = await getTranslations();
  return (
    <AppShell scope={scope}>
      <p>
        <Link href="/admin/users">← {t('admin.usersTitle')}</Link>
      </p>
      <h1>{t('adminUsers.editTitle', { name: user.displayName, username: user.username })}</h1>
      <section className="card">
        <UserForm
          options={options}
          lockRole={self}
          initial={{ userId: user.id, username: user.username, displayName: user.displayName, role: user.role as DistrictRole, schoolId: user.schoolId ?? '', zoneIds: user.zoneIds }}
        />
      </section>
      {!self && (
        <section className="card" data-username={user.username}>
          <h2>{t('adminUsers.accountTitle')}</h2>
          <p>
            {t('admin.status')}: {user.disabled ? t('admin.disabled') : t('admin.active')}
            {user.mustChangePassword && ` · ${t('adminUsers.mustChange')}`}
          </p>
          <p className="muted small">{t('adminUsers.resetHint')}</p>
          <ResetPassword userId={user.id} userName={`${user.displayName}（${user.username}）`} />
          <ToggleUser userId={user.id} disabled={user.disabled} />
        </section>
      )}
      {self && (
        <p className="muted">
          {t('adminUsers.selfHint')} <Link href="/account/password">{t('nav.account')}</Link>
        </p>
      )}
    </AppShell>
  );
}
