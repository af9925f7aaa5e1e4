import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Scope } from '@/lib/data/scope';
import type { Role } from '@/lib/domain/types';
import { LocaleSwitch } from './LocaleSwitch';
import { SignOutButton } from './SignOutButton';

const NAV: Record<Role, { href: string; key: string }[]> = {
  coordinator: [{ href: '/school', key: 'thisQuarter' }],
  evaluator: [{ href: '/review', key: 'review' }],
  leader: [{ href: '/overview', key: 'overview' }],
  districtAdmin: [
    { href: '/admin', key: 'settings' },
    { href: '/admin/users', key: 'users' },
  ],
  platformAdmin: [{ href: '/platform', key: 'districts' }],
};

export async function AppShell({ scope, context, children }: { scope: Scope; context?: string; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="logo" aria-hidden>☀</span> {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')}>
          {NAV[scope.role].map((n) => (
            <Link key={n.href} href={n.href}>
              {t(`nav.${n.key}`)}
            </Link>
          ))}
        </nav>
        <div className="who">
          <span>
            {scope.displayName} · {t(`roles.${scope.role}`)}
            {context ? ` · ${context}` : ''}
          </span>
          <LocaleSwitch />
          <SignOutButton label={t('nav.signOut')} />
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
