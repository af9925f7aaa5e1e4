import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { currentUser, ROLE_HOME } from '@/core/auth/session';
import { LocaleSwitch } from '@/core/ui/LocaleSwitch';
import { LoginForm } from '@/core/auth/LoginForm';
import { Icon } from '@/core/ui/Icon';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('login');
  return { title: t('title') };
}

export default async function LoginPage() {
  const scope = await currentUser();
  if (scope) redirect(ROLE_HOME[scope.role]);
  const t = await getTranslations();
  return (
    <main className="login">
      <div className="login-card">
        <div className="login-brand">
          <Icon name="sun" className="logo" />
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </div>
        <LoginForm />
        <LocaleSwitch />
      </div>
    </main>
  );
}
