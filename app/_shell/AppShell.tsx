// The page frame of every signed-in screen: header (the inbox with its unread count, language,
// sign-out) and each role's navigation. It lives with the routes because it brings several
// features together (core/ knows none).
import '@/modules/reminders/ui/reminders.css';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Scope } from '@/core/scope';
import type { Role } from '@/core/domain/types';
import { LocaleSwitch } from '@/core/ui/LocaleSwitch';
import { SignOutButton } from '@/core/ui/SignOutButton';
import { unreadCount } from '@/modules/reminders/data/inbox';
import { Icon } from '@/core/ui/Icon';

/** The header's unread count; a page still renders when it cannot be read. */
async function unread(scope: Scope): Promise<number | null> {
  if (!scope.districtId) return null;
  return unreadCount(scope).catch(() => null);
}

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
    { href: '/review', key: 'work' },
    { href: '/review/quarters', key: 'quarters' },
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
    { href: '/review/findings', key: 'findings' },
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
    { href: '/admin/reminders', key: 'reminders' },
    { href: '/admin/audit', key: 'audit' },
  ],
  platformAdmin: [
    { href: '/platform', key: 'districts' },
    { href: '/platform/templates', key: 'templates' },
  ],
};

export async function AppShell({ scope, context, children }: { scope: Scope; context?: string; children: React.ReactNode }) {
  const [t, count] = await Promise.all([getTranslations(), unread(scope)]);
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          <Icon name="sun" className="logo" /> {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')}>
          {NAV[scope.role].map((n) => (
            <Link key={n.href} href={n.href}>
              {t(`nav.${n.key}`)}
            </Link>
          ))}
        </nav>
        <div className="who">
          <span data-testid="who">
            {[...new Set([scope.displayName, t(`roles.${scope.role}`)])].join(' · ')}
            {context ? ` · ${context}` : ''}
          </span>
          {count !== null && (
            <Link href="/inbox" className="inbox-link" data-testid="inbox-link" aria-label={count > 0 ? t('reminders.inbox.headerUnread', { count }) : t('reminders.inbox.headerLink')}>
              {t('reminders.inbox.headerLink')}
              {count > 0 && (
                <span className="inbox-count" aria-hidden data-testid="inbox-count">
                  {count > 99 ? '99+' : count}
                </span>
              )}
            </Link>
          )}
          <Link href="/account/password">{t('nav.account')}</Link>
          <LocaleSwitch />
          <SignOutButton label={t('nav.signOut')} />
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
