import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Scope } from '@/core/scope';
import type { Role } from '@/core/domain/types';
import { LocaleSwitch } from './LocaleSwitch';
import { SignOutButton } from './SignOutButton';

// Every role's navigation, fixed up front so features add pages, not edits here.
const NAV: Record<Role, { href: string; key: string }[]> = {
  coordinator: [
    { href: '/school', key: 'thisQuarter' },
    { href: '/school/report', key: 'submitReport' },
    { href: '/school/history', key: 'history' },
    { href: '/school/findings', key: 'findings' },
    { href: '/school/surveys', key: 'surveyCodes' },
    { href: '/school/summary', key: 'summary' },
  ],
  evaluator: [
    { href: '/review', key: 'review' },
    { href: '/review/matrix', key: 'matrix' },
    { href: '/review/findings', key: 'findings' },
    { href: '/review/surveys', key: 'surveys' },
    { href: '/review/ranking', key: 'ranking' },
    { href: '/review/documents', key: 'documents' },
  ],
  leader: [
    { href: '/overview', key: 'overview' },
    { href: '/review', key: 'review' },
    { href: '/review/matrix', key: 'matrix' },
    { href: '/review/surveys', key: 'surveys' },
    { href: '/review/ranking', key: 'ranking' },
    { href: '/review/documents', key: 'documents' },
  ],
  districtAdmin: [
    { href: '/admin', key: 'settings' },
    { href: '/admin/zones', key: 'zones' },
    { href: '/admin/schools', key: 'schools' },
    { href: '/admin/users', key: 'users' },
    { href: '/admin/checklist', key: 'checklist' },
    { href: '/admin/surveys', key: 'surveys' },
    { href: '/admin/holidays', key: 'holidays' },
    { href: '/admin/audit', key: 'audit' },
  ],
  platformAdmin: [
    { href: '/platform', key: 'districts' },
    { href: '/platform/templates', key: 'templates' },
  ],
};

export async function AppShell({ scope, context, children }: { scope: Scope; context?: string; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="logo" aria-hidden>
            ☀
          </span>{' '}
          {t('app.name')}
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
          <Link href="/account/password">{t('nav.account')}</Link>
          <LocaleSwitch />
          <SignOutButton label={t('nav.signOut')} />
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
