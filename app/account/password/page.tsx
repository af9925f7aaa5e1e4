import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { AppShell } from '@/app/_shell/AppShell';
import { currentUser } from '@/core/auth/session';
import { PasswordForm } from '@/modules/org/ui/PasswordForm';

export const dynamic = 'force-dynamic';

export default async function PasswordPage() {
  const scope = await currentUser();
  if (!scope) redirect('/login');
  const t = await getTranslations('account');
  return (
    <AppShell scope={scope}>
      <h1>{t('title')}</h1>
      {scope.mustChangePassword && <p className="muted">{t('mustChange')}</p>}
      <PasswordForm />
    </AppShell>
  );
}
