import '@/modules/reminders/ui/reminders.css';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { dateTime } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { inbox } from '@/modules/reminders/data/inbox';
import { renderMessage } from '@/modules/reminders/channels/render';
import { markAllReadAction, markReadAction } from '@/modules/reminders/actions/inbox';
import { ReminderForm } from '@/modules/reminders/ui/ReminderForm';
import { UrgeForm } from '@/modules/reminders/ui/UrgeForm';

export const dynamic = 'force-dynamic';

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['districtAdmin', 'evaluator', 'leader', 'coordinator', 'platformAdmin']);
  const sp = await searchParams;
  const page = Number(typeof sp.page === 'string' ? sp.page : 1);
  const [t, locale, data] = await Promise.all([getTranslations(), getLocale(), inbox(scope, Number.isFinite(page) ? page : 1)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('reminders.inbox.title')}</h1>
      <p className="muted">
        <span data-testid="inbox-unread">{t('reminders.inbox.unread', { count: data.unread })}</span>
        {scope.districtId && (
          <>
            {' · '}
            <Link href="/account/notifications">{t('reminders.inbox.preferences')}</Link>
          </>
        )}
      </p>
      {(scope.role === 'evaluator' || scope.role === 'leader') && (
        <p className="small" data-testid="to-work">
          {t('evaluatorWork.fromMessages')} <Link href="/review">{t('evaluatorWork.title')}</Link>
        </p>
      )}
      {data.unread > 0 && (
        <ReminderForm action={markAllReadAction} submitLabel={t('reminders.inbox.markAllRead')} savedText={t('reminders.admin.saved')} testId="mark-all-read" className="inline-form" />
      )}
      {data.messages.length === 0 ? (
        <p className="muted">{t('reminders.inbox.empty')}</p>
      ) : (
        <ol className="messages" data-testid="inbox">
          {data.messages.map((m) => {
            const r = renderMessage(m, locale);
            return (
              <li key={m.id} className={`message${m.readAt ? '' : ' unread'}`} data-kind={m.kind} data-read={m.readAt ? 'yes' : 'no'}>
                <h2>
                  {!m.readAt && <span className="badge s-submitted">{t('reminders.inbox.unreadBadge')}</span>} {r.title}
                </h2>
                <ul>
                  {r.lines.map((l, i) => (
                    <li key={i}>
                      {l.href ? <Link href={l.href}>{l.text}</Link> : l.text}
                      {scope.role === 'evaluator' && m.lines[i]?.key === 'schoolsOverdue' && typeof m.lines[i]!.values.schoolIds === 'string' && (
                        <UrgeForm formId={`urge-${m.id}-${i}`} schoolIds={String(m.lines[i]!.values.schoolIds).split(',')} label={t('reminders.inbox.urgeThese')} />
                      )}
                    </li>
                  ))}
                </ul>
                <div className="message-meta small muted">
                  <span>
                    {t(`reminders.kinds.${m.kind}`)} · {dateTime(m.createdAt, locale)}
                    {m.senderName ? ` · ${t('reminders.inbox.from', { who: m.senderName })}` : ''}
                  </span>
                  {r.href && <Link href={r.href}>{t('reminders.inbox.open')}</Link>}
                  {!m.readAt && <ReminderForm action={markReadAction} hidden={{ messageId: m.id }} submitLabel={t('reminders.inbox.markRead')} testId={`read-${m.id}`} className="inline-form" />}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {data.pages > 1 && (
        <nav className="filters" aria-label={t('admin.pagination')}>
          {data.page > 1 && <Link href={`/inbox?page=${data.page - 1}`}>{t('admin.previous')}</Link>}
          <span>{t('admin.pageOf', { page: data.page, pages: data.pages, total: data.total })}</span>
          {data.page < data.pages && <Link href={`/inbox?page=${data.page + 1}`}>{t('admin.next')}</Link>}
        </nav>
      )}
    </AppShell>
  );
}
